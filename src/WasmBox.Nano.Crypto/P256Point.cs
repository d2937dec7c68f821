namespace WasmBox.Nano.Crypto
{
    /// <summary>
    /// A P-256 point in Jacobian coordinates: affine (X/Z^2, Y/Z^3); Z = 0 is the point at infinity.
    /// </summary>
    internal sealed class P256Point
    {
        public readonly uint[] X = U256.Create();
        public readonly uint[] Y = U256.Create();
        public readonly uint[] Z = U256.Create();

        public bool IsInfinity
        {
            get { return U256.IsZero(Z); }
        }

        public void SetInfinity()
        {
            U256.SetSmall(X, 1);
            U256.SetSmall(Y, 1);
            U256.SetSmall(Z, 0);
        }

        public void SetAffine(uint[] x, uint[] y)
        {
            U256.Copy(X, x);
            U256.Copy(Y, y);
            U256.SetSmall(Z, 1);
        }

        public void CopyFrom(P256Point other)
        {
            U256.Copy(X, other.X);
            U256.Copy(Y, other.Y);
            U256.Copy(Z, other.Z);
        }
    }
}
