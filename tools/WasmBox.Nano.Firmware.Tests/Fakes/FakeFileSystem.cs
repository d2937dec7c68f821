using WasmBox.Nano.Device.Networked.Storage;

namespace WasmBox.Nano.Firmware.Tests.Fakes;

/// <summary>
/// A board drive in memory that fails the way nanoFramework.System.IO.FileSystem 1.1.93 does on a board:
/// <list type="bullet">
/// <item>until the drive mounts, every call on it throws (the native volume lookup fails), Directory.Exists
/// included;</item>
/// <item><see cref="Move"/> may degrade to File.Move's copy-then-delete fallback (create the target, set its
/// full length, copy 2048-byte chunks, delete the source), each step a separate write;</item>
/// <item>power can be cut at any write: that write is lost (a data write keeps only its first half) and so
/// is everything after it; <see cref="Survivor"/> is what the next boot finds.</item>
/// </list>
/// </summary>
internal sealed class FakeFileSystem : IFileSystem
{
    const int CopyChunk = 2048; // File.Copy's ChunkSize in System.IO.FileSystem 1.1.93

    readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    readonly HashSet<string> _directories = new(StringComparer.Ordinal);
    readonly string _drive;
    int _probesBeforeMount;
    int _cutAt;

    /// <param name="drive">The drive every path is on, e.g. "D:".</param>
    /// <param name="probesBeforeMount">Calls that find the drive not mounted yet; -1 for a drive that never mounts.</param>
    public FakeFileSystem(string drive = "D:", int probesBeforeMount = 0)
    {
        _drive = drive;
        _probesBeforeMount = probesBeforeMount;
    }

    /// <summary>File.Move's native rename fails, so it copies and then deletes.</summary>
    public bool DegradedMove { get; set; }

    /// <summary>Writes so far (file creations, data writes, deletions, directory creations, move steps).</summary>
    public int Writes { get; private set; }

    public bool PowerLost { get; private set; }

    /// <summary>Calls made while the drive was not mounted.</summary>
    public int UnmountedCalls { get; private set; }

    /// <summary>Loses power at the <paramref name="write"/>-th write from now (1 = the next one).</summary>
    public void CutPowerAt(int write) => _cutAt = Writes + write;

    /// <summary>The drive as the next boot finds it, powered and mounted.</summary>
    public FakeFileSystem Survivor()
    {
        var next = new FakeFileSystem(_drive) { DegradedMove = DegradedMove };
        foreach (var (path, data) in _files) next._files[path] = (byte[])data.Clone();
        next._directories.UnionWith(_directories);
        return next;
    }

    /// <summary>File names (not paths) and contents, for comparing drives.</summary>
    public string[] Dump() => _files.Select(f => Path.GetFileName(f.Key) + "=" + Convert.ToHexString(f.Value)).ToArray();

    public void Put(string path, byte[] data)
    {
        _directories.Add(Path.GetDirectoryName(path)!);
        _files[path] = (byte[])data.Clone();
    }

    public bool DirectoryExists(string path)
    {
        Reach(path);
        return path == _drive + "\\" || _directories.Contains(path.TrimEnd('\\'));
    }

    public void CreateDirectory(string path)
    {
        Reach(path);
        if (Cut()) return;
        _directories.Add(path.TrimEnd('\\'));
    }

    public string[] GetFiles(string path)
    {
        Reach(path);
        if (!_directories.Contains(path)) throw new IOException("directory not found: " + path);
        return _files.Keys.Where(f => Path.GetDirectoryName(f) == path).ToArray();
    }

    public bool FileExists(string path)
    {
        Reach(path);
        return _files.ContainsKey(path);
    }

    public byte[] ReadAllBytes(string path)
    {
        Reach(path);
        return _files.TryGetValue(path, out byte[]? data) ? (byte[])data.Clone() : throw new IOException("file not found: " + path);
    }

    public Stream Create(string path)
    {
        Reach(path);
        if (!_directories.Contains(Path.GetDirectoryName(path)!)) throw new IOException("directory not found: " + path);
        if (!Cut()) _files[path] = [];
        return new FileWriter(this, path);
    }

    public Stream OpenRead(string path) => new MemoryStream(ReadAllBytes(path), writable: false);

    public void Delete(string path)
    {
        Reach(path);
        if (Cut()) return;
        _files.Remove(path);
    }

    /// <summary>File.Move: refuses a missing source or an existing target, then renames — or copies and deletes.</summary>
    public void Move(string from, string to)
    {
        Reach(from);
        if (!_files.TryGetValue(from, out byte[]? data)) throw new IOException("file not found: " + from);
        if (_files.ContainsKey(to)) throw new IOException("path already exists: " + to);
        if (!DegradedMove)
        {
            if (Cut()) return;
            _files.Remove(from);
            _files[to] = data;
            return;
        }
        // The fallback: File.Copy(from, to, overwrite: false, deleteOriginal: true).
        if (Cut()) return;
        _files[to] = [];
        if (Cut()) return;
        _files[to] = new byte[data.Length];
        for (int at = 0; at < data.Length; at += CopyChunk)
        {
            int n = Math.Min(CopyChunk, data.Length - at);
            bool cut = Cut();
            Array.Copy(data, at, _files[to], at, cut ? n / 2 : n);
            if (cut) return;
        }
        if (Cut()) return;
        _files.Remove(from);
    }

    void Reach(string path)
    {
        if (PowerLost) throw new IOException("no power");
        if (!path.StartsWith(_drive, StringComparison.Ordinal)) throw new IOException("no volume for " + path);
        if (_probesBeforeMount != 0)
        {
            UnmountedCalls++;
            if (_probesBeforeMount > 0) _probesBeforeMount--;
            throw new IOException("volume " + _drive + " not found");
        }
    }

    /// <summary>Counts a write; true when power is lost at it (the caller then leaves the drive as the cut does).</summary>
    bool Cut()
    {
        Writes++;
        if (_cutAt > 0 && Writes >= _cutAt) PowerLost = true;
        return PowerLost;
    }

    void Append(string path, byte[] buffer, int offset, int count)
    {
        Reach(path);
        bool cut = Cut();
        if (!_files.TryGetValue(path, out byte[]? old)) return;
        int kept = cut ? count / 2 : count;
        _files[path] = [.. old, .. buffer.AsSpan(offset, kept)];
        if (cut) throw new IOException("no power");
    }

    /// <summary>A FileStream opened by Create: each Write call is one write to the drive.</summary>
    sealed class FileWriter(FakeFileSystem owner, string path) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { if (owner.PowerLost) throw new IOException("no power"); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => owner.Append(path, buffer, offset, count);
    }
}
