using System.Security.Cryptography;

namespace WasmBox.Nano.Crypto.Tests;

/// <summary>The verifier against .NET's ECDsa on random keys, messages and one-bit tampering, and on edge inputs.</summary>
public class EcdsaAgreementTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public const int EdgeCases = 3_000;
    private const int Keys = 40;
    private const int SignaturesPerKey = 50; // 2,000 good signatures, 2,000 tampered ones

    private sealed record Signed(ECDsa Key, byte[] PublicKey, byte[] Message, byte[] Signature);

    private static byte[] PublicKeyOf(ECDsa key)
    {
        ECPoint q = key.ExportParameters(false).Q;
        return [0x04, .. q.X!, .. q.Y!];
    }

    private static IEnumerable<Signed> RandomSignatures(Random random)
    {
        for (int k = 0; k < Keys; k++)
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            byte[] publicKey = PublicKeyOf(key);
            for (int i = 0; i < SignaturesPerKey; i++)
            {
                byte[] message = new byte[random.Next(0, 200)];
                random.NextBytes(message);
                byte[] signature = key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                yield return new Signed(key, publicKey, message, signature);
            }
        }
    }

    private static byte[] FlipRandomBit(Random random, byte[] data, int from = 0)
    {
        byte[] copy = (byte[])data.Clone();
        int bit = random.Next(from * 8, copy.Length * 8);
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }

    private static bool DotNetVerifies(byte[] publicKey, byte[] message, byte[] signature)
    {
        try
        {
            using var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = publicKey[1..33], Y = publicKey[33..65] },
            });
            return key.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            return false; // .NET refuses to import a point that is not on the curve
        }
    }

    [Fact]
    public void RandomSignatures_VerifyAndTamperingIsJudgedLikeDotNet()
    {
        var random = new Random(9052);
        var verifier = new EcdsaP256Verifier();
        int good = 0, tampered = 0, tamperedAccepted = 0;
        foreach (Signed s in RandomSignatures(random))
        {
            Assert.True(verifier.Verify(s.PublicKey, s.Message, 0, s.Message.Length, s.Signature));
            good++;

            // One bit flipped in the signature, the message or the key (never the 0x04 tag here:
            // that case is covered separately).
            byte[] key = s.PublicKey, message = s.Message, signature = s.Signature;
            switch (random.Next(message.Length == 0 ? 2 : 3))
            {
                case 0: signature = FlipRandomBit(random, signature); break;
                case 1: key = FlipRandomBit(random, key, from: 1); break;
                default: message = FlipRandomBit(random, message); break;
            }

            bool ours = verifier.Verify(key, message, 0, message.Length, signature);
            Assert.Equal(DotNetVerifies(key, message, signature), ours);
            tampered++;
            tamperedAccepted += ours ? 1 : 0;
            if (good % SignaturesPerKey == 0)
            {
                s.Key.Dispose();
            }
        }

        Assert.Equal(Keys * SignaturesPerKey, good);
        Assert.Equal(good, tampered);
        Assert.Equal(0, tamperedAccepted);
    }

    [Fact]
    public void EdgeInputs_AreJudgedLikeDotNet()
    {
        // r and s from the edges of their range (0, 1, n - 1, n, n + 1, p - 1, p, 2^256 - 1), the
        // real values and random ones; keys real, swapped, or with a coordinate at an edge (off the
        // curve); random messages. Every verdict must equal .NET's.
        var random = new Random(0x11EC);
        byte[] N(System.Numerics.BigInteger v) => Fixed(v);
        var n = Support.Limbs.N;
        var p = Support.Limbs.P;
        byte[][] scalarEdges = [N(0), N(1), N(2), N(n - 1), N(n), N(n + 1), N(p - 1), N(p), N((System.Numerics.BigInteger.One << 256) - 1)];
        using var keyA = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var keyB = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var verifier = new EcdsaP256Verifier();
        int accepted = 0;
        var findings = new List<string>();
        for (int i = 0; i < EdgeCases; i++)
        {
            byte[] message = new byte[random.Next(0, 64)];
            random.NextBytes(message);
            byte[] real = keyA.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            byte[] r = Pick(random, scalarEdges, real[..32]);
            byte[] s = Pick(random, scalarEdges, real[32..]);
            byte[] key = PublicKeyOf(keyA);
            switch (random.Next(4))
            {
                case 0: key = PublicKeyOf(keyB); break;
                case 1: Array.Copy(Pick(random, scalarEdges, key[1..33]), 0, key, 1, 32); break;
                case 2: Array.Copy(Pick(random, scalarEdges, key[33..]), 0, key, 33, 32); break;
            }
            byte[] signature = [.. r, .. s];
            bool ours = verifier.Verify(key, message, 0, message.Length, signature);
            bool theirs = DotNetVerifies(key, message, signature);
            accepted += ours ? 1 : 0;
            if (ours != theirs)
            {
                findings.Add(Convert.ToHexString(key) + " " + Convert.ToHexString(signature) + ": ours " + ours + ", .NET " + theirs);
            }
        }
        output.WriteLine($"ECDSA edge differential: {EdgeCases} cases, {accepted} verified, {findings.Count} findings");
        Assert.InRange(accepted, 1, EdgeCases - 1);
        Assert.Empty(findings);
    }

    /// <summary>An edge value, the real value, or 32 random bytes.</summary>
    private static byte[] Pick(Random random, byte[][] edges, byte[] real)
    {
        int choice = random.Next(edges.Length + 4);
        if (choice < edges.Length)
        {
            return (byte[])edges[choice].Clone();
        }
        if (choice == edges.Length)
        {
            byte[] noise = new byte[32];
            random.NextBytes(noise);
            return noise;
        }
        return (byte[])real.Clone();
    }

    private static byte[] Fixed(System.Numerics.BigInteger value)
    {
        byte[] bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }

    [Fact]
    public void HighS_IsAccepted_AsEcdsaAllowsBothSignatureForms()
    {
        // (r, n - s) is the other valid signature for the same message; ES256 does not mandate low s.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] message = "malleable"u8.ToArray();
        byte[] signature = key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        byte[] negated = (Support.Limbs.N - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] other = [.. signature[..32], .. new byte[32 - negated.Length], .. negated];

        Assert.True(EcdsaP256.Verify(PublicKeyOf(key), message, 0, message.Length, other));
        Assert.True(DotNetVerifies(PublicKeyOf(key), message, other));
    }

    [Fact]
    public void VerifyDigest_AgreesWithVerifyOverTheMessage()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] message = new byte[100];
        new Random(5).NextBytes(message);
        byte[] signature = key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        Assert.True(EcdsaP256.VerifyDigest(PublicKeyOf(key), SHA256.HashData(message), signature));
        Assert.True(EcdsaP256.Verify(PublicKeyOf(key), [0xEE, .. message, 0xEE], 1, message.Length, signature));
        Assert.False(EcdsaP256.VerifyDigest(PublicKeyOf(key), SHA256.HashData(message)[..31], signature));
    }

    [Fact]
    public void MalformedInputs_ReturnFalseWithoutThrowing()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] message = [1, 2, 3];
        byte[] publicKey = PublicKeyOf(key);
        byte[] signature = key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var verifier = new EcdsaP256Verifier();
        Assert.True(verifier.Verify(publicKey, message, 0, 3, signature));

        byte[] p = Support.Limbs.P.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] n = Support.Limbs.N.ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] compressed = [(byte)(0x02 | (publicKey[64] & 1)), .. publicKey[1..33]];
        byte[][] badKeys =
        [
            null!, [], [0x00], compressed, publicKey[..64], [.. publicKey, 0],
            [0x06, .. publicKey[1..]],                        // hybrid / wrong tag
            [0x04, .. new byte[64]],                          // (0, 0) is not on the curve
            [0x04, .. p, .. publicKey[33..]],                 // x = p
            [0x04, .. publicKey[1..33], .. p],                // y = p
            [0x04, .. publicKey[1..33], .. publicKey[33..63], publicKey[63], (byte)(publicKey[64] ^ 1)], // off the curve
        ];
        foreach (byte[] badKey in badKeys)
        {
            Assert.False(verifier.Verify(badKey, message, 0, 3, signature));
        }

        byte[][] badSignatures =
        [
            null!, [], signature[..63], [.. signature, 0],
            [.. new byte[32], .. signature[32..]],            // r = 0
            [.. signature[..32], .. new byte[32]],            // s = 0
            [.. n, .. signature[32..]],                       // r = n
            [.. signature[..32], .. n],                       // s = n
            [.. Enumerable.Repeat((byte)0xFF, 32), .. signature[32..]], // r > n
        ];
        foreach (byte[] badSignature in badSignatures)
        {
            Assert.False(verifier.Verify(publicKey, message, 0, 3, badSignature));
        }

        Assert.False(verifier.Verify(publicKey, null!, 0, 0, signature));
        Assert.False(verifier.Verify(publicKey, message, 1, 3, signature));
        Assert.False(verifier.Verify(publicKey, message, -1, 1, signature));
        Assert.False(verifier.Verify(publicKey, message, 0, -1, signature));
        Assert.False(verifier.VerifyDigest(publicKey, null!, signature));
        Assert.True(verifier.Verify(publicKey, message, 0, 3, signature)); // still usable
    }
}
