using System.Numerics;
using System.Security.Cryptography;
using WasmBox.Nano.Crypto.Tests.Support;

namespace WasmBox.Nano.Crypto.Tests;

/// <summary>The internal field (mod p) and scalar (mod n) arithmetic against BigInteger.</summary>
public class ModularArithmeticTests
{
    [Fact]
    public void FieldOperations_MatchBigInteger()
    {
        var random = new Random(256);
        var counters = new P256Counters();
        var field = new P256Field(counters);
        BigInteger p = Limbs.P;
        var values = Limbs.Samples(random, p, 300).ToArray();
        uint[] result = new uint[8];
        for (int i = 0; i < values.Length; i++)
        {
            BigInteger a = values[i], b = values[(i * 7 + 3) % values.Length];
            uint[] la = Limbs.FromBig(a), lb = Limbs.FromBig(b);

            field.Multiply(result, la, lb);
            Assert.Equal(a * b % p, Limbs.ToBig(result));
            field.Square(result, la);
            Assert.Equal(a * a % p, Limbs.ToBig(result));
            P256Field.Add(result, la, lb);
            Assert.Equal((a + b) % p, Limbs.ToBig(result));
            P256Field.Subtract(result, la, lb);
            Assert.Equal(((a - b) % p + p) % p, Limbs.ToBig(result));
            foreach (uint small in new uint[] { 1, 2, 3, 4, 8 })
            {
                P256Field.AddHalf(result, la, lb, small);
                Assert.Equal(small * (a + b) * ((p + 1) / 2) % p, Limbs.ToBig(result));
                P256Field.SubtractMultiple(result, la, lb, small);
                Assert.Equal(((a - small * b) % p + p) % p, Limbs.ToBig(result));
            }
        }

        Assert.Equal(values.Length, counters.FieldMultiplications);
        Assert.Equal(values.Length, counters.FieldSquarings);
    }

    [Fact]
    public void FieldOperations_OnEveryPairOfEdgeValues_MatchBigInteger()
    {
        // Pairs whose sums, differences and products land on p, just above it and just below
        // 2^256: the paths where the normalisation folds a carry or subtracts p.
        BigInteger p = Limbs.P, r = BigInteger.Pow(2, 256) - p;
        BigInteger[] edges = [.. Limbs.Samples(new Random(7), p, 0), r, r - 1, r + 1, p - r, p - r - 1, (p + 1) / 2, p / 2, BigInteger.Pow(2, 255)];
        var field = new P256Field(new P256Counters());
        uint[] result = new uint[8];
        foreach (BigInteger a in edges)
        {
            field.Square(result, Limbs.FromBig(a));
            Assert.Equal(a * a % p, Limbs.ToBig(result));
            foreach (BigInteger b in edges)
            {
                uint[] la = Limbs.FromBig(a), lb = Limbs.FromBig(b);
                P256Field.Add(result, la, lb);
                Assert.Equal((a + b) % p, Limbs.ToBig(result));
                P256Field.AddHalf(result, la, lb, 3);
                Assert.Equal(3 * (a + b) * ((p + 1) / 2) % p, Limbs.ToBig(result));
                P256Field.Subtract(result, la, lb);
                Assert.Equal(((a - b) % p + p) % p, Limbs.ToBig(result));
                foreach (uint k in new uint[] { 2, 8 })
                {
                    P256Field.SubtractMultiple(result, la, lb, k);
                    Assert.Equal(((a - k * b) % p + p) % p, Limbs.ToBig(result));
                }
                field.Multiply(result, la, lb);
                Assert.Equal(a * b % p, Limbs.ToBig(result));
            }
        }
    }

    [Fact]
    public void FieldMultiply_AllowsTheResultToAliasAnOperand()
    {
        var field = new P256Field(new P256Counters());
        BigInteger a = Limbs.P - 5;
        uint[] la = Limbs.FromBig(a);
        field.Multiply(la, la, la);
        Assert.Equal(a * a % Limbs.P, Limbs.ToBig(la));
    }

    [Fact]
    public void ScalarMultiplyAndInvert_MatchBigInteger()
    {
        var random = new Random(1865);
        var counters = new P256Counters();
        var scalar = new P256Scalar(counters);
        BigInteger n = Limbs.N;
        var values = Limbs.Samples(random, n, 200).Where(v => !v.IsZero).ToArray();
        uint[] result = new uint[8];
        for (int i = 0; i < values.Length; i++)
        {
            BigInteger a = values[i], b = values[(i * 5 + 1) % values.Length];
            scalar.Multiply(result, Limbs.FromBig(a), Limbs.FromBig(b));
            Assert.Equal(a * b % n, Limbs.ToBig(result));
            scalar.Invert(result, Limbs.FromBig(a));
            Assert.Equal(BigInteger.ModPow(a, n - 2, n), Limbs.ToBig(result));
        }

        Assert.Equal(values.Length, counters.ScalarInversions);
        Assert.Equal(2 * values.Length, counters.ScalarMultiplications);
    }

    [Fact]
    public void U256AddSubtractIsOneIsZero_MatchBigInteger()
    {
        // Straight-line code since the inversion's rewrite: carries and borrows through every word.
        BigInteger two256 = BigInteger.Pow(2, 256);
        BigInteger[] values = [.. Limbs.Samples(new Random(4), two256, 40), two256 - 1, BigInteger.Pow(2, 32) - 1, BigInteger.Pow(2, 32), BigInteger.Pow(2, 255)];
        uint[] result = new uint[8];
        foreach (BigInteger a in values)
        {
            Assert.Equal(a == 1, U256.IsOne(Limbs.FromBig(a)));
            Assert.Equal(a == 0, U256.IsZero(Limbs.FromBig(a)));
            foreach (BigInteger b in values)
            {
                uint[] la = Limbs.FromBig(a), lb = Limbs.FromBig(b);
                Assert.Equal(a + b >= two256 ? 1u : 0u, U256.Add(result, la, lb));
                Assert.Equal((a + b) % two256, Limbs.ToBig(result));
                Assert.Equal(a < b ? 1u : 0u, U256.Subtract(result, la, lb));
                Assert.Equal(((a - b) % two256 + two256) % two256, Limbs.ToBig(result));
            }
        }
    }

    [Fact]
    public void MontgomeryConstants_AreRight()
    {
        BigInteger twoTo32 = BigInteger.Pow(2, 32);
        Assert.Equal(BigInteger.Pow(2, 512) % Limbs.N, Limbs.ToBig(P256Scalar.MontgomeryRSquared));
        Assert.Equal(twoTo32 - 1, Limbs.N * P256Scalar.MontgomeryFactor % twoTo32);
        Assert.Equal(Limbs.N, Limbs.ToBig(P256Scalar.N));
        Assert.Equal(Limbs.P, Limbs.ToBig(P256Field.P));
    }

    [Fact]
    public void CurveConstantB_MatchesDotNet()
    {
        ECParameters curve = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportExplicitParameters(false);
        Assert.Equal(new BigInteger(curve.Curve.B, isUnsigned: true, isBigEndian: true), Limbs.ToBig(P256Curve.B));
    }
}
