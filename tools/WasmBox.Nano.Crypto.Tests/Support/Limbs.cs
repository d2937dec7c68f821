using System.Numerics;

namespace WasmBox.Nano.Crypto.Tests.Support;

/// <summary>Conversions between the library's eight-limb integers and BigInteger, for reference checks.</summary>
public static class Limbs
{
    public static readonly BigInteger P = BigInteger.Pow(2, 256) - BigInteger.Pow(2, 224) + BigInteger.Pow(2, 192) + BigInteger.Pow(2, 96) - 1;
    public static readonly BigInteger N = Parse("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

    public static BigInteger Parse(string hex) => BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber);

    public static BigInteger ToBig(uint[] limbs)
    {
        BigInteger value = BigInteger.Zero;
        for (int i = limbs.Length - 1; i >= 0; i--)
        {
            value = (value << 32) | limbs[i];
        }
        return value;
    }

    public static uint[] FromBig(BigInteger value)
    {
        var limbs = new uint[8];
        for (int i = 0; i < 8; i++)
        {
            limbs[i] = (uint)(value & uint.MaxValue);
            value >>= 32;
        }
        return limbs;
    }

    public static BigInteger Random(Random random, BigInteger below)
    {
        byte[] bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[32] = 0;
        return new BigInteger(bytes) % below;
    }

    /// <summary>Values that stress carries and reductions: 0, 1, p-1, n-1, all-ones words, and randoms.</summary>
    public static IEnumerable<BigInteger> Samples(Random random, BigInteger below, int randomCount)
    {
        BigInteger[] edges = [0, 1, 2, below - 1, below - 2, BigInteger.Pow(2, 255) % below,
            (BigInteger.Pow(2, 224) - 1) % below, Parse("FFFFFFFF00000000FFFFFFFF00000000FFFFFFFF00000000FFFFFFFF") % below];
        foreach (BigInteger edge in edges)
        {
            yield return edge;
        }
        for (int i = 0; i < randomCount; i++)
        {
            yield return Random(random, below);
        }
    }
}
