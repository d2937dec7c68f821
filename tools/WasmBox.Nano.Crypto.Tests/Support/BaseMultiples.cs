using System.Numerics;
using System.Security.Cryptography;

namespace WasmBox.Nano.Crypto.Tests.Support;

/// <summary>i*G from .NET's own key derivation (the public key of private key i): the reference for the base table and the group law.</summary>
public static class BaseMultiples
{
    public static (BigInteger X, BigInteger Y) Of(int i)
    {
        byte[] d = new byte[32];
        d[30] = (byte)(i >> 8);
        d[31] = (byte)i;
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
        ECPoint q = key.ExportParameters(false).Q;
        return (new BigInteger(q.X, isUnsigned: true, isBigEndian: true), new BigInteger(q.Y, isUnsigned: true, isBigEndian: true));
    }
}
