using System.Text.RegularExpressions;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Simulation;

/// <summary>
/// The board's flash drive or SD card as files in one directory. A write goes to a temporary
/// file that is then moved over the target, so a crash (or a killed process) leaves the old blob
/// or the new one, never a torn one. Names are flat, short ASCII; anything else is refused with
/// false, as are writes that would exceed the medium's capacity. Thread-safe.
/// </summary>
public sealed partial class DirectoryStorage : IStorage
{
    private const string TempPrefix = ".tmp-";

    private readonly string _root;
    private readonly long _capacityBytes;
    private readonly Lock _gate = new();

    public DirectoryStorage(string directory, long capacityBytes = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 1);
        _root = Path.GetFullPath(directory);
        _capacityBytes = capacityBytes;
        Directory.CreateDirectory(_root);
        RemoveLeftoverTempFiles();
    }

    public string RootDirectory => _root;

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex NamePattern();

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public bool Exists(string name) => IsValidName(name) && File.Exists(PathOf(name));

    public byte[]? Read(string name)
    {
        if (!IsValidName(name))
        {
            return null;
        }

        lock (_gate)
        {
            return Try<byte[]?>(() => File.Exists(PathOf(name)) ? File.ReadAllBytes(PathOf(name)) : null, null);
        }
    }

    public bool Write(string name, byte[] data, int offset, int count)
    {
        if (!IsValidName(name) || data is null || offset < 0 || count < 0 || offset > data.Length - count)
        {
            return false;
        }

        lock (_gate)
        {
            if (UsedBytesExcept(name) + count > _capacityBytes)
            {
                return false;
            }

            string temp = Path.Combine(_root, TempPrefix + Guid.NewGuid().ToString("N"));
            return Try(() =>
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(data, offset, count);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temp, PathOf(name), overwrite: true);
                return true;
            }, false, cleanup: temp);
        }
    }

    public bool Delete(string name)
    {
        if (!IsValidName(name))
        {
            return false;
        }

        lock (_gate)
        {
            return Try(() =>
            {
                if (!File.Exists(PathOf(name)))
                {
                    return false;
                }

                File.Delete(PathOf(name));
                return true;
            }, false);
        }
    }

    public bool Rename(string from, string to)
    {
        if (!IsValidName(from) || !IsValidName(to))
        {
            return false;
        }

        lock (_gate)
        {
            return Try(() =>
            {
                if (!File.Exists(PathOf(from)))
                {
                    return false;
                }

                if (from != to)
                {
                    File.Move(PathOf(from), PathOf(to), overwrite: true);
                }

                return true;
            }, false);
        }
    }

    public string[] List(string prefix)
    {
        prefix ??= "";
        lock (_gate)
        {
            return Try<string[]>(() => Directory.EnumerateFiles(_root)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(n => IsValidName(n) && n.StartsWith(prefix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray(), []);
        }
    }

    /// <summary>Bytes stored, as the live view shows them.</summary>
    public long UsedBytes()
    {
        lock (_gate)
        {
            return UsedBytesExcept(null);
        }
    }

    private long UsedBytesExcept(string? name) =>
        Directory.EnumerateFiles(_root)
            .Where(f => IsValidName(Path.GetFileName(f)) && Path.GetFileName(f) != name)
            .Sum(f => new FileInfo(f).Length);

    private string PathOf(string name) => Path.Combine(_root, name);

    private void RemoveLeftoverTempFiles()
    {
        foreach (string file in Directory.EnumerateFiles(_root, TempPrefix + "*"))
        {
            Try(() => { File.Delete(file); return true; }, false);
        }
    }

    /// <summary>Runs a file operation; an I/O failure becomes <paramref name="failed"/>, as IStorage promises.</summary>
    private static T Try<T>(Func<T> operation, T failed, string? cleanup = null)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (cleanup is not null)
            {
                try { File.Delete(cleanup); } catch (Exception c) when (c is IOException or UnauthorizedAccessException) { }
            }

            return failed;
        }
    }
}
