using System.Text.Json;
using WasmBox.Nano.Crypto.Tests.Support;
using Xunit.Abstractions;

namespace WasmBox.Nano.Crypto.Tests;

public class HmacSha256Tests(ITestOutputHelper output)
{
    private const string VectorFile = "hmac_sha256_test.json";

    /// <summary>
    /// Every Wycheproof vector: the tag (truncated to the group's tagSize, as the file specifies)
    /// must match exactly for "valid" vectors and must not match for "invalid" ones.
    /// </summary>
    [SkippableFact]
    public void Wycheproof_AllVectors()
    {
        using JsonDocument? document = Wycheproof.TryLoad(VectorFile);
        Skip.If(document is null, Wycheproof.MissingMessage(VectorFile));

        int passed = 0, total = 0;
        var failures = new List<string>();
        foreach (var (group, test) in Wycheproof.Tests(document!))
        {
            total++;
            int tagBytes = group.GetProperty("tagSize").GetInt32() / 8;
            byte[] key = Wycheproof.Hex(test, "key"), message = Wycheproof.Hex(test, "msg"), tag = Wycheproof.Hex(test, "tag");
            byte[] computed = HmacSha256.Compute(key, message, 0, message.Length);
            bool matches = tag.Length == tagBytes && computed.AsSpan(0, tagBytes).SequenceEqual(tag);
            bool expected = test.GetProperty("result").GetString() == "valid";
            if (matches == expected)
            {
                passed++;
            }
            else
            {
                failures.Add(Wycheproof.Describe(test));
            }
        }

        output.WriteLine($"Wycheproof {VectorFile}: {passed}/{total} passed");
        Assert.True(failures.Count == 0, string.Join("; ", failures));
        Assert.True(total > 0);
    }

    [Fact]
    public void Rfc4231_TestCase2()
    {
        byte[] key = "Jefe"u8.ToArray();
        byte[] data = "what do ya want for nothing?"u8.ToArray();
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            Convert.ToHexStringLower(HmacSha256.Compute(key, data, 0, data.Length)));
    }

    [Fact]
    public void IncrementalWithRandomKeysAndSplits_AgreesWithDotNet()
    {
        var random = new Random(2104);
        byte[] tag = new byte[32];
        for (int round = 0; round < 300; round++)
        {
            // Key lengths straddle the 64-byte block, where long keys are hashed first.
            byte[] key = new byte[random.Next(0, 150)];
            byte[] message = new byte[random.Next(0, 200)];
            random.NextBytes(key);
            random.NextBytes(message);

            var hmac = new HmacSha256(key);
            for (int repeat = 0; repeat < 2; repeat++)
            {
                int split = random.Next(0, message.Length + 1);
                hmac.Update(message, 0, split);
                hmac.Update(message, split, message.Length - split);
                hmac.Final(tag, 0);
                Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(key, message), tag);
            }
        }
    }

    [Fact]
    public void Reset_DiscardsThePartialMessage()
    {
        byte[] key = [1, 2, 3];
        var hmac = new HmacSha256(key);
        hmac.Update([9, 9, 9], 0, 3);
        hmac.Reset();
        hmac.Update([4, 5], 0, 2);
        byte[] tag = new byte[32];
        hmac.Final(tag, 0);
        Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(key, new byte[] { 4, 5 }), tag);
    }

    [Fact]
    public void BadOutputBuffer_ThrowsAndKeepsTheMessage()
    {
        byte[] key = [7];
        var hmac = new HmacSha256(key);
        hmac.Update([1, 2], 0, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => hmac.Final(new byte[31], 0));
        byte[] tag = new byte[32];
        hmac.Final(tag, 0);
        Assert.Equal(System.Security.Cryptography.HMACSHA256.HashData(key, new byte[] { 1, 2 }), tag);
        Assert.Throws<ArgumentNullException>(() => new HmacSha256(null!));
    }
}
