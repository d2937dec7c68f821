using System.Security.Cryptography;

namespace WasmBox.Nano.Signing.Keys;

/// <summary>Writes a tenant's TENANT.key.pem (owner-only, 0600) and TENANT.pub.pem.</summary>
public static class KeyPairFiles
{
    public static string PrivateKeyPath(string directory, string tenant) => Path.Combine(directory, tenant + ".key.pem");

    public static string PublicKeyPath(string directory, string tenant) => Path.Combine(directory, tenant + ".pub.pem");

    /// <summary>
    /// Writes both files. Without <paramref name="overwrite"/> an existing file is an error
    /// (<see cref="IOException"/>) and nothing is written; if the second write fails the first
    /// file is removed again.
    /// </summary>
    public static void Write(string directory, string tenant, ECDsa key, bool overwrite)
    {
        string privatePath = PrivateKeyPath(directory, tenant);
        string publicPath = PublicKeyPath(directory, tenant);
        WriteText(privatePath, TenantKeys.PrivateKeyPem(key), overwrite, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            WriteText(publicPath, TenantKeys.PublicKeyPem(key), overwrite,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        catch
        {
            File.Delete(privatePath);
            throw;
        }
    }

    private static void WriteText(string path, string text, bool overwrite, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = overwrite ? FileMode.Create : FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(text);
        }
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies to new files only; a replaced file keeps its old mode otherwise.
            File.SetUnixFileMode(path, mode);
        }
    }
}
