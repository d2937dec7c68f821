using System.Reflection;
using System.Security.Cryptography;

namespace WasmBox.Nano.Cli.Building;

/// <summary>
/// The headers tenants compile against (<c>wasmbox.h</c>, the Femto-Containers shim
/// <c>bpf/bpfapi/helpers.h</c>), embedded in wbx so an installed tool builds without the
/// repository: written once to a folder named by their digest and put on clang's include path.
/// </summary>
internal static class EmbeddedHeaders
{
    private const string Prefix = "include/";

    /// <summary>The folder holding the headers, written when missing.</summary>
    public static string Directory()
    {
        Assembly assembly = typeof(EmbeddedHeaders).Assembly;
        var headers = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (Name: n[Prefix.Length..], Bytes: Read(assembly, n)))
            .ToArray();
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in headers)
        {
            digest.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            digest.AppendData(bytes);
        }
        string folder = Path.Combine(Path.GetTempPath(), "wbx-include-" + Convert.ToHexStringLower(digest.GetHashAndReset())[..16]);
        foreach (var (name, bytes) in headers)
            WriteOnce(Path.Combine(folder, name), bytes);
        return folder;
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Written aside and moved into place, so a parallel build never reads half a header.</summary>
    private static void WriteOnce(string path, byte[] bytes)
    {
        if (File.Exists(path))
            return;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
