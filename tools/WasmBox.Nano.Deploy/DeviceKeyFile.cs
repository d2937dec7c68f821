namespace WasmBox.Nano.Deploy;

/// <summary>
/// A device's attestation key (HMAC-SHA256) as a file of hexadecimal text, 32 bytes recommended
/// (at least 16): `openssl rand -hex 32 > device.key`. The board and the verifier hold the same key.
/// </summary>
public static class DeviceKeyFile
{
    public const int MinBytes = WasmBox.Nano.Update.Attestor.MinKeyBytes;
    private const int MaxFileBytes = 4096;

    public static byte[] Load(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new DeployException("device key file not found: " + path);
        if (file.Length > MaxFileBytes)
            throw new DeployException(path + ": " + file.Length + " bytes is too large for a device key file");
        return Parse(File.ReadAllText(path), path);
    }

    public static byte[] Parse(string text, string source)
    {
        string hex = text.Trim();
        byte[] key;
        try
        {
            key = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new DeployException(source + ": a device key file holds hexadecimal digits only (e.g. `openssl rand -hex 32`)");
        }
        if (key.Length < MinBytes)
            throw new DeployException(source + ": the device key is " + key.Length + " bytes, at least " + MinBytes + " are needed");
        return key;
    }

    /// <summary>A fresh random key as the file's text.</summary>
    public static string NewKeyText() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) + "\n";
}
