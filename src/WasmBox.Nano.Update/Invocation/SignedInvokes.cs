using WasmBox.Nano.Bundle;
using WasmBox.Nano.Crypto;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Update
{
    /// <summary>
    /// The device's check of signed invocations for tenants whose policy asks for them
    /// (SIGNED-INVOKE-FORMAT.md): shape, target (this device, the addressed tenant and slot),
    /// payload digest and counter first, so only a well-formed, fresh-looking message costs an
    /// ES256 verification; then the signature with the tenant's key; then the counter is persisted
    /// before the function may run. Not thread-safe: the device service serialises invocations.
    /// </summary>
    public sealed class SignedInvokes
    {
        private readonly string _deviceId;
        private readonly ITenantKeyring _keys;
        private readonly InvokeCounters _counters;
        private readonly SignedInvokeParts _parts = new SignedInvokeParts();

        public SignedInvokes(string deviceId, ITenantKeyring keys, IStorage storage)
        {
            if (deviceId == null || keys == null || storage == null)
            {
                throw new System.ArgumentNullException(deviceId == null ? "deviceId" : keys == null ? "keys" : "storage");
            }
            _deviceId = deviceId;
            _keys = keys;
            _counters = new InvokeCounters(storage);
        }

        /// <summary>The last accepted counter of (tenant, slot): 0 when none, -1 when its record is unreadable.</summary>
        public long LastCounter(string tenant, int slot)
        {
            return _counters.Last(tenant, slot);
        }

        /// <summary>
        /// Checks a signed invocation of tenant/slot and, when it is accepted, records its counter.
        /// On <see cref="InvokeCheck.Accepted"/> the payload to run is the slice at
        /// <paramref name="payloadOffset"/>; otherwise <paramref name="reason"/> says what is wrong.
        /// </summary>
        public InvokeCheck Check(string tenant, int slot, byte[] message, int length,
            out int payloadOffset, out int payloadLength, out string reason)
        {
            payloadOffset = 0;
            payloadLength = 0;
            if (message == null || !SignedInvokeCodec.LooksSigned(message, 0, length))
            {
                reason = "tenant " + tenant + " accepts only invocations signed with its key (wbx invoke --key)";
                return InvokeCheck.SignatureRequired;
            }
            SignedInvokeParts p = _parts;
            if (!SignedInvokeCodec.Read(message, 0, length, p, out reason))
            {
                return InvokeCheck.Malformed;
            }
            InvokeClaims claims = InvokeClaims.Decode(message, p.ClaimsOffset, p.ClaimsCount, out reason);
            if (claims == null)
            {
                return InvokeCheck.Malformed;
            }
            if (claims.DeviceId != _deviceId || claims.Tenant != tenant || claims.Slot != slot)
            {
                reason = "signed for " + claims.DeviceId + " " + claims.Tenant + "/" + claims.Slot + ", not " + _deviceId + " " + tenant + "/" + slot;
                return InvokeCheck.WrongTarget;
            }
            byte[] digest = InvokeClaims.DigestOf(message, p.PayloadOffset, p.PayloadCount);
            if (!AttestationVerifier.SameBytes(digest, 0, claims.PayloadDigest, 0, digest.Length))
            {
                reason = "the payload's SHA-256 differs from the signed one";
                return InvokeCheck.DigestMismatch;
            }
            long last = _counters.Last(tenant, slot);
            if (last < 0)
            {
                reason = "the last counter of " + tenant + "/" + slot + " cannot be read";
                return InvokeCheck.StorageFailed;
            }
            if (claims.Counter <= last)
            {
                reason = "counter " + claims.Counter + " is not above the last accepted " + last;
                return InvokeCheck.Replay;
            }
            byte[] key = _keys.PublicKeyOf(tenant);
            byte[] signature = new byte[CoseSign1.SignatureSize];
            System.Array.Copy(message, p.SignatureOffset, signature, 0, signature.Length);
            if (key == null || !EcdsaP256.VerifyDigest(key, CoseSign1.SigStructureDigest(message, p.ProtectedOffset, p.ProtectedCount,
                SignedInvokeCodec.ExternalAad(), p.ClaimsOffset, p.ClaimsCount), signature))
            {
                reason = key == null ? "no key is provisioned for tenant " + tenant : "signature does not verify with tenant " + tenant + "'s key";
                return InvokeCheck.BadSignature;
            }
            if (!_counters.Accept(tenant, slot, claims.Counter))
            {
                reason = "counter " + claims.Counter + " could not be stored; not run";
                return InvokeCheck.StorageFailed;
            }
            payloadOffset = p.PayloadOffset;
            payloadLength = p.PayloadCount;
            reason = null;
            return InvokeCheck.Accepted;
        }
    }
}
