namespace WasmBox.Nano.Bundle.NfTests
{
    /// <summary>A keyring of one tenant, as a board provisions it.</summary>
    internal sealed class OneTenantKeyring : ITenantKeyring
    {
        private readonly string _tenant;
        private readonly byte[] _key;

        public OneTenantKeyring(string tenant, byte[] key)
        {
            _tenant = tenant;
            _key = key;
        }

        public byte[] PublicKeyOf(string tenant)
        {
            return tenant == _tenant ? _key : null;
        }
    }
}
