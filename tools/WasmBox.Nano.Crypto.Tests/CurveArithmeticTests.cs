using System.Numerics;
using WasmBox.Nano.Crypto.Tests.Support;

namespace WasmBox.Nano.Crypto.Tests;

/// <summary>The internal Jacobian group law and the base table against i*G from .NET's key derivation.</summary>
public class CurveArithmeticTests
{
    private readonly P256Field _field = new(new P256Counters());
    private readonly P256Curve _curve;

    public CurveArithmeticTests() => _curve = new P256Curve(_field);

    private (BigInteger X, BigInteger Y) Affine(P256Point point)
    {
        BigInteger z = Limbs.ToBig(point.Z);
        BigInteger zInverse = BigInteger.ModPow(z, Limbs.P - 2, Limbs.P);
        BigInteger z2 = zInverse * zInverse % Limbs.P;
        return (Limbs.ToBig(point.X) * z2 % Limbs.P, Limbs.ToBig(point.Y) * z2 % Limbs.P * zInverse % Limbs.P);
    }

    private static (BigInteger X, BigInteger Y) Multiple(int i) => BaseMultiples.Of(i);

    private static P256Point Point(int i)
    {
        var (x, y) = Multiple(i);
        var point = new P256Point();
        point.SetAffine(Limbs.FromBig(x), Limbs.FromBig(y));
        return point;
    }

    [Fact]
    public void BaseTable_HoldsTheOddMultiples_AndNegatesForNegativeDigits()
    {
        uint[] x = new uint[8], y = new uint[8];
        for (int digit = 1; digit < 1 << (P256BaseTable.Width - 1); digit += 2)
        {
            var (ex, ey) = Multiple(digit);
            P256BaseTable.Load(digit, x, y);
            Assert.Equal((ex, ey), (Limbs.ToBig(x), Limbs.ToBig(y)));
            Assert.True(_curve.IsOnCurve(x, y));
            P256BaseTable.Load(-digit, x, y);
            Assert.Equal((ex, Limbs.P - ey), (Limbs.ToBig(x), Limbs.ToBig(y)));
        }
    }

    [Fact]
    public void Double_And_Additions_MatchTheTable()
    {
        P256Point doubled = Point(3);
        _curve.Double(doubled);
        Assert.Equal(Multiple(6), Affine(doubled));
        _curve.Double(doubled);
        Assert.Equal(Multiple(12), Affine(doubled));

        P256Point sum = Point(1);
        P256Point g = Point(1);
        for (int i = 2; i < 16; i++)
        {
            _curve.AddAffine(sum, g.X, g.Y);
            Assert.Equal(Multiple(i), Affine(sum));
        }

        // Jacobian + Jacobian, both Z != 1: 6G + 8G.
        P256Point six = Point(3);
        _curve.Double(six);
        P256Point eight = Point(4);
        _curve.Double(eight);
        P256Point eightAgain = Point(4);
        _curve.Double(eightAgain);
        _curve.Add(six, eight, false);
        Assert.Equal(Multiple(14), Affine(six));

        // 14G - 8G = 6G through the negated addition the NAF's negative digits use.
        _curve.Add(six, eightAgain, true);
        Assert.Equal(Multiple(6), Affine(six));
    }

    [Fact]
    public void SpecialCases_EqualPoints_Negation_Infinity()
    {
        P256Point p = Point(5);
        P256Point five = Point(5);
        _curve.AddAffine(p, five.X, five.Y);
        Assert.Equal(Multiple(10), Affine(p));

        // Equal points in different representations (Z != 1 and Z = 1) must double: 10G + 10G = 20G.
        P256Point tenJacobian = Point(5);
        _curve.Double(tenJacobian);
        P256Point twenty = Point(5);
        _curve.Double(twenty);
        _curve.Double(twenty);
        _curve.Add(tenJacobian, Point(10), false);
        Assert.Equal(Affine(twenty), Affine(tenJacobian));

        P256Point negated = Point(7);
        P256Point seven = Point(7);
        uint[] minusY = new uint[8];
        P256Field.Negate(minusY, seven.Y);
        _curve.AddAffine(negated, seven.X, minusY);
        Assert.True(negated.IsInfinity);
        P256Point cancelled = Point(7);
        _curve.Add(cancelled, Point(7), true);
        Assert.True(cancelled.IsInfinity);

        var infinity = new P256Point();
        infinity.SetInfinity();
        _curve.Double(infinity);
        Assert.True(infinity.IsInfinity);
        _curve.Add(infinity, Point(9), false);
        Assert.Equal(Multiple(9), Affine(infinity));
        infinity.SetInfinity();
        _curve.Add(infinity, Point(9), true);
        Assert.Equal((Multiple(9).X, Limbs.P - Multiple(9).Y), Affine(infinity));
        P256Point nine = Point(9);
        var other = new P256Point();
        other.SetInfinity();
        _curve.Add(nine, other, false);
        Assert.Equal(Multiple(9), Affine(nine));
    }
}
