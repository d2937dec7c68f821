using System.Numerics;
using WasmBox.Nano.Crypto.Tests.Support;

namespace WasmBox.Nano.Crypto.Tests;

/// <summary>The width-w NAF recoding of the verifier's scalars against its definition.</summary>
public class NafRecodingTests
{
    public static TheoryData<int> Widths => [2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Recode_IsTheWidthWNaf_OfEdgeAndRandomScalars(int width)
    {
        BigInteger twoTo256 = BigInteger.Pow(2, 256);
        var scalars = Limbs.Samples(new Random(width), Limbs.N, 200)
            .Concat([twoTo256 - 1, Limbs.N - 1, BigInteger.Pow(2, 255), Limbs.Parse(new string('A', 64)), Limbs.Parse(new string('5', 64))]);
        sbyte[] digits = new sbyte[P256Naf.Length];
        foreach (BigInteger k in scalars)
        {
            P256Naf.Recode(Limbs.FromBig(k), width, digits);
            BigInteger value = BigInteger.Zero;
            int lastNonzero = -width;
            for (int i = 0; i < digits.Length; i++)
            {
                int d = digits[i];
                value += d * BigInteger.Pow(2, i);
                if (d == 0)
                {
                    continue;
                }

                Assert.True((d & 1) == 1, $"digit {d} at {i} is even");
                Assert.True(Math.Abs(d) < 1 << (width - 1), $"digit {d} at {i} too large for width {width}");
                Assert.True(i - lastNonzero >= width, $"nonzero digits at {lastNonzero} and {i} closer than {width}");
                lastNonzero = i;
            }

            Assert.Equal(k, value);
        }
    }
}
