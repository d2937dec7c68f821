using System.Numerics;
using WasmBox.Nano.Crypto.Tests.Support;

namespace WasmBox.Nano.Crypto.Tests;

/// <summary>The internal Jacobian group law against the base table (i*G checked against .NET elsewhere).</summary>
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

    private static (BigInteger X, BigInteger Y) Multiple(int i) =>
        (Limbs.ToBig(P256BaseTable.X[i]), Limbs.ToBig(P256BaseTable.Y[i]));

    private static P256Point Point(int i)
    {
        var point = new P256Point();
        point.SetAffine(P256BaseTable.X[i], P256BaseTable.Y[i]);
        return point;
    }

    [Fact]
    public void BaseTable_IsOnTheCurve()
    {
        for (int i = 1; i < 16; i++)
        {
            Assert.True(_curve.IsOnCurve(P256BaseTable.X[i], P256BaseTable.Y[i]));
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
        for (int i = 2; i < 16; i++)
        {
            _curve.AddAffine(sum, P256BaseTable.X[1], P256BaseTable.Y[1]);
            Assert.Equal(Multiple(i), Affine(sum));
        }

        // Jacobian + Jacobian, both Z != 1: 6G + 8G.
        P256Point six = Point(3);
        _curve.Double(six);
        P256Point eight = Point(4);
        _curve.Double(eight);
        _curve.Add(six, eight);
        Assert.Equal(Multiple(14), Affine(six));
    }

    [Fact]
    public void SpecialCases_EqualPoints_Negation_Infinity()
    {
        P256Point p = Point(5);
        _curve.AddAffine(p, P256BaseTable.X[5], P256BaseTable.Y[5]);
        Assert.Equal(Multiple(10), Affine(p));

        // Equal points in different representations (Z != 1 and Z = 1) must double: 10G + 10G = 20G.
        P256Point tenJacobian = Point(5);
        _curve.Double(tenJacobian);
        P256Point twenty = Point(5);
        _curve.Double(twenty);
        _curve.Double(twenty);
        _curve.Add(tenJacobian, Point(10));
        Assert.Equal(Affine(twenty), Affine(tenJacobian));

        P256Point negated = Point(7);
        uint[] minusY = new uint[8];
        P256Field.Subtract(minusY, new uint[8], P256BaseTable.Y[7]);
        _curve.AddAffine(negated, P256BaseTable.X[7], minusY);
        Assert.True(negated.IsInfinity);

        var infinity = new P256Point();
        infinity.SetInfinity();
        _curve.Double(infinity);
        Assert.True(infinity.IsInfinity);
        _curve.Add(infinity, Point(9));
        Assert.Equal(Multiple(9), Affine(infinity));
        P256Point nine = Point(9);
        var other = new P256Point();
        other.SetInfinity();
        _curve.Add(nine, other);
        Assert.Equal(Multiple(9), Affine(nine));
    }
}
