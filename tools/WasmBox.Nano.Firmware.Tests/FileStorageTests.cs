using WasmBox.Nano.Device.Networked.Storage;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Firmware.Tests;

/// <summary>
/// The device file storage, run on the host file system (nanoFramework's File/Directory/Path calls have the
/// same names and meaning): blobs round-trip, names are checked, and every state a power cut can leave
/// behind recovers to the old blob or the new one.
/// </summary>
public class FileStorageTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("wbx-filestorage-").FullName;
    readonly Log log = new();

    public void Dispose() => Directory.Delete(root, recursive: true);

    FileStorage Open() => new(root, new NanoFileSystem(), log);

    string FileOf(string name) => Path.Combine(root, name);

    [Fact]
    public void Write_then_read_returns_the_slice_written()
    {
        FileStorage storage = Open();

        Assert.True(storage.Write("seq-acme-0", [9, 1, 2, 3, 9], 1, 3));

        Assert.Equal([1, 2, 3], storage.Read("seq-acme-0"));
        Assert.True(storage.Exists("seq-acme-0"));
        Assert.Equal(["seq-acme-0"], Directory.GetFiles(root).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_replaces_the_old_blob()
    {
        FileStorage storage = Open();
        storage.Write("b", [1, 1, 1, 1], 0, 4);

        Assert.True(storage.Write("b", [2], 0, 1));

        Assert.Equal([2], storage.Read("b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".new-x")]
    [InlineData("-x")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("na me")]
    [InlineData("x12345678901234567890123456789012345678901234567890123456789012345")]
    public void Bad_names_are_refused_without_touching_the_drive(string name)
    {
        FileStorage storage = Open();

        Assert.NotNull(FileStorage.ValidateName(name));
        Assert.False(storage.Write(name, [1], 0, 1));
        Assert.Null(storage.Read(name));
        Assert.False(storage.Exists(name));
        Assert.Empty(Directory.GetFiles(root));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 4)]
    [InlineData(3, 1)]
    public void Out_of_range_slices_are_refused(int offset, int count)
    {
        Assert.False(Open().Write("a", [1, 2, 3], offset, count));
    }

    [Fact]
    public void List_returns_matching_blobs_in_ordinal_order_and_hides_work_files()
    {
        FileStorage storage = Open();
        foreach (string name in new[] { "kv-b", "kv-B", "kv-a", "other" }) storage.Write(name, [0], 0, 1);
        File.WriteAllBytes(FileOf(".tmp-kv-c"), [0]);

        Assert.Equal(["kv-B", "kv-a", "kv-b"], storage.List("kv-"));
        Assert.Equal(4, storage.List(null!).Length);
    }

    [Fact]
    public void Rename_replaces_the_target_and_needs_a_source()
    {
        FileStorage storage = Open();
        storage.Write("staged", [7], 0, 1);
        storage.Write("live", [1], 0, 1);

        Assert.True(storage.Rename("staged", "live"));
        Assert.False(storage.Rename("staged", "live"));

        Assert.Equal([7], storage.Read("live"));
        Assert.False(storage.Exists("staged"));
    }

    [Fact]
    public void Delete_reports_whether_there_was_a_blob()
    {
        FileStorage storage = Open();
        storage.Write("a", [1], 0, 1);

        Assert.True(storage.Delete("a"));
        Assert.False(storage.Delete("a"));
        Assert.Null(storage.Read("a"));
    }

    // The states a power cut can leave, in the order Write goes through them (FileStoragePowerCutTests cuts at
    // every single write over a drive that fails like the board's; these check the same states on a real disk):
    // 1. writing or verifying .new-NAME, no journal entry     -> old
    // 2. writing .jrn-NAME (incomplete entry)                 -> old
    // 3. .jrn-NAME complete, NAME being copied or cleaned up  -> new
    [Fact]
    public void Cut_while_staging_keeps_the_old_blob()
    {
        File.WriteAllBytes(FileOf("a"), [1]);
        File.WriteAllBytes(FileOf(".new-a"), [2, 2]);

        FileStorage storage = Open();

        Assert.Equal([1], storage.Read("a"));
        Assert.Equal(["a"], Directory.GetFiles(root).Select(Path.GetFileName));
    }

    [Fact]
    public void Cut_while_writing_the_journal_entry_keeps_the_old_blob()
    {
        File.WriteAllBytes(FileOf("a"), [1]);
        File.WriteAllBytes(FileOf(".new-a"), [2]);
        File.WriteAllBytes(FileOf(".jrn-a"), JournalEntry()[..7]);

        FileStorage storage = Open();

        Assert.Equal([1], storage.Read("a"));
        Assert.Equal(["a"], Directory.GetFiles(root).Select(Path.GetFileName));
    }

    [Fact]
    public void Cut_after_the_journal_entry_installs_the_new_blob()
    {
        File.WriteAllBytes(FileOf("a"), [1, 1, 1]);
        File.WriteAllBytes(FileOf(".new-a"), [2]);
        File.WriteAllBytes(FileOf(".jrn-a"), JournalEntry());

        FileStorage storage = Open();

        Assert.Equal([2], storage.Read("a"));
        Assert.Equal(["a"], Directory.GetFiles(root).Select(Path.GetFileName));
        Assert.Contains(log.Lines, l => l.Contains("completed an interrupted write of a"));
    }

    [Fact]
    public void Cut_during_the_clean_up_of_a_rename_finishes_it()
    {
        File.WriteAllBytes(FileOf("a"), [2]);
        File.WriteAllBytes(FileOf("staged"), [2]);
        File.WriteAllBytes(FileOf(".jrn-a"), JournalEntry("staged"));

        FileStorage storage = Open();

        Assert.Equal([2], storage.Read("a"));
        Assert.Equal(["a"], Directory.GetFiles(root).Select(Path.GetFileName));
    }

    /// <summary>A journal entry as FileStorage writes it: "WBXJ", format 1, the rename source, FNV-1a (big-endian).</summary>
    static byte[] JournalEntry(string source = "")
    {
        byte[] body = [.. "WBXJ"u8, 1, (byte)source.Length, .. System.Text.Encoding.ASCII.GetBytes(source)];
        uint hash = 2166136261;
        foreach (byte b in body) hash = (hash ^ b) * 16777619;
        return [.. body, (byte)(hash >> 24), (byte)(hash >> 16), (byte)(hash >> 8), (byte)hash];
    }

    [Fact]
    public void Missing_folder_is_created()
    {
        string nested = Path.Combine(root, "wbx");

        var storage = new FileStorage(nested, new NanoFileSystem(), log);

        Assert.True(Directory.Exists(nested));
        Assert.True(storage.Write("a", [1], 0, 1));
    }

    sealed class Log : ILogSink
    {
        public List<string> Lines { get; } = [];

        public void Write(string source, string line) => Lines.Add(source + ": " + line);
    }
}
