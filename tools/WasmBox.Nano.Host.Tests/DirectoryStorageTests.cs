using System.Text;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Tests;

public sealed class DirectoryStorageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wbx-storage-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void WriteThenReadRoundTripsTheGivenSlice()
    {
        var storage = new DirectoryStorage(_dir);

        Assert.True(storage.Write("image.0", Bytes("xxhelloxx"), 2, 5));

        Assert.True(storage.Exists("image.0"));
        Assert.Equal(Bytes("hello"), storage.Read("image.0"));
        Assert.Equal(Bytes("hello"), new DirectoryStorage(_dir).Read("image.0"));
    }

    [Fact]
    public void AbsentBlobsReadAsNull()
    {
        var storage = new DirectoryStorage(_dir);

        Assert.False(storage.Exists("nothing"));
        Assert.Null(storage.Read("nothing"));
        Assert.False(storage.Delete("nothing"));
        Assert.False(storage.Rename("nothing", "else"));
    }

    [Fact]
    public void WriteReplacesAndDeleteRemoves()
    {
        var storage = new DirectoryStorage(_dir);
        Assert.True(storage.Write("kv", Bytes("old-and-long"), 0, 12));

        Assert.True(storage.Write("kv", Bytes("new"), 0, 3));
        Assert.Equal(Bytes("new"), storage.Read("kv"));
        Assert.True(storage.Delete("kv"));
        Assert.False(storage.Exists("kv"));
    }

    [Fact]
    public void RenameReplacesTheTarget()
    {
        var storage = new DirectoryStorage(_dir);
        Assert.True(storage.Write("slot.new", Bytes("v2"), 0, 2));
        Assert.True(storage.Write("slot", Bytes("v1"), 0, 2));

        Assert.True(storage.Rename("slot.new", "slot"));

        Assert.Equal(Bytes("v2"), storage.Read("slot"));
        Assert.False(storage.Exists("slot.new"));
    }

    [Fact]
    public void ListGivesSortedNamesWithThePrefixOnly()
    {
        var storage = new DirectoryStorage(_dir);
        foreach (string name in new[] { "t1.b", "t2.a", "t1.a", "journal" })
        {
            Assert.True(storage.Write(name, [1], 0, 1));
        }

        Assert.Equal(["t1.a", "t1.b"], storage.List("t1."));
        Assert.Equal(["journal", "t1.a", "t1.b", "t2.a"], storage.List(""));
        Assert.Empty(storage.List("zz"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("with space")]
    [InlineData("ünïcode")]
    public void NamesThatAreNotFlatShortAsciiAreRefused(string name)
    {
        var storage = new DirectoryStorage(_dir);

        Assert.False(storage.Write(name, [1], 0, 1));
        Assert.Null(storage.Read(name));
        Assert.False(storage.Rename(name, "ok"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_dir)!, "escape")));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 5)]
    [InlineData(3, 2)]
    public void SlicesOutsideTheBufferAreRefused(int offset, int count)
    {
        Assert.False(new DirectoryStorage(_dir).Write("x", new byte[4], offset, count));
    }

    [Fact]
    public void WritesBeyondTheMediumCapacityFailButReplacingFits()
    {
        var storage = new DirectoryStorage(_dir, capacityBytes: 100);

        Assert.True(storage.Write("a", new byte[60], 0, 60));
        Assert.False(storage.Write("b", new byte[60], 0, 60));
        Assert.True(storage.Write("a", new byte[100], 0, 100));
        Assert.Equal(100, storage.UsedBytes());
    }

    [Fact]
    public void ACrashedWriteLeavesTheOldBlobAndItsTempFileIsCleanedUp()
    {
        Assert.True(new DirectoryStorage(_dir).Write("image", Bytes("old"), 0, 3));
        // What a write killed before its final move leaves behind:
        File.WriteAllBytes(Path.Combine(_dir, ".tmp-0123456789abcdef"), Bytes("half-written new"));

        var afterReboot = new DirectoryStorage(_dir);

        Assert.Equal(Bytes("old"), afterReboot.Read("image"));
        Assert.Equal(["image"], afterReboot.List(""));
        Assert.Equal(["image"], Directory.EnumerateFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AReaderNeverSeesATornReplacement()
    {
        // Two instances on one directory stand for two processes: no shared lock, only the file system.
        var writer = new DirectoryStorage(_dir);
        var reader = new DirectoryStorage(_dir);
        byte[] small = Enumerable.Repeat((byte)0xAA, 3000).ToArray();
        byte[] large = Enumerable.Repeat((byte)0xBB, 200_000).ToArray();
        Assert.True(writer.Write("blob", small, 0, small.Length));

        int torn = 0;
        var writing = Task.Run(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                byte[] next = i % 2 == 0 ? large : small;
                Assert.True(writer.Write("blob", next, 0, next.Length));
            }
        });
        while (!writing.IsCompleted)
        {
            byte[]? seen = reader.Read("blob");
            bool whole = seen is not null && (seen.SequenceEqual(small) || seen.SequenceEqual(large));
            torn += whole ? 0 : 1;
        }

        await writing;
        Assert.Equal(0, torn);
    }

    [Fact]
    public void ABoardWithoutStorageRefusesEveryWrite()
    {
        IStorage storage = new UnavailableStorage();

        Assert.False(storage.Write("x", [1], 0, 1));
        Assert.Null(storage.Read("x"));
        Assert.Empty(storage.List(""));
    }
}
