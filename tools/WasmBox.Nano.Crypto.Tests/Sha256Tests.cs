using System.Text;

namespace WasmBox.Nano.Crypto.Tests;

public class Sha256Tests
{
    // FIPS 180-4 / NIST CSVS example messages and their digests.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void KnownAnswers(string message, string expectedHex)
    {
        byte[] data = Encoding.ASCII.GetBytes(message);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Sha256.Hash(data, 0, data.Length)));
    }

    [Fact]
    public void OneMillionA_InChunksOfVaryingSize()
    {
        byte[] chunk = Enumerable.Repeat((byte)'a', 1000).ToArray();
        var sha = new Sha256();
        int remaining = 1_000_000;
        for (int size = 1; remaining > 0; size = size % 997 + 1)
        {
            int take = Math.Min(size, remaining);
            sha.Update(chunk, 0, take);
            remaining -= take;
        }

        byte[] digest = new byte[32];
        sha.Final(digest, 0);
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void IncrementalAtRandomSplitPoints_AgreesWithDotNet()
    {
        var random = new Random(180_4);
        var sha = new Sha256();
        byte[] digest = new byte[40];
        for (int round = 0; round < 500; round++)
        {
            byte[] message = new byte[random.Next(0, 300)];
            random.NextBytes(message);
            int offset = 0;
            while (offset < message.Length)
            {
                int take = random.Next(0, message.Length - offset + 1);
                sha.Update(message, offset, take);
                offset += take;
            }

            int outputOffset = random.Next(0, 9);
            sha.Final(digest, outputOffset);
            byte[] expected = System.Security.Cryptography.SHA256.HashData(message);
            Assert.Equal(expected, digest.AsSpan(outputOffset, 32).ToArray());
            Assert.Equal(expected, Sha256.Hash(message, 0, message.Length));
        }
    }

    [Fact]
    public void HashesOnlyTheGivenRange()
    {
        byte[] buffer = Encoding.ASCII.GetBytes("xxabcyy");
        Assert.Equal(System.Security.Cryptography.SHA256.HashData("abc"u8), Sha256.Hash(buffer, 2, 3));
    }

    [Fact]
    public void FinalResetsForTheNextMessage()
    {
        var sha = new Sha256();
        byte[] first = new byte[32], second = new byte[32];
        sha.Update([1, 2, 3], 0, 3);
        sha.Final(first, 0);
        sha.Final(second, 0);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(ReadOnlySpan<byte>.Empty), second);
    }

    [Fact]
    public void BadRanges_ThrowSpecificExceptions()
    {
        var sha = new Sha256();
        Assert.Throws<ArgumentNullException>(() => sha.Update(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sha.Update(new byte[4], 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => sha.Update(new byte[4], -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sha.Update(new byte[4], 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sha.Final(new byte[40], 9));
    }

    [Fact]
    public void UpdateAndFinal_AllocateNothing()
    {
        var sha = new Sha256();
        byte[] data = new byte[1000], digest = new byte[32];
        sha.Update(data, 0, data.Length);
        sha.Final(digest, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        sha.Update(data, 3, 997);
        sha.Final(digest, 0);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
