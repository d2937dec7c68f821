namespace WasmBox.Nano.Sim.Session;

/// <summary>Bundle bytes and where they came from (a path or a resource name), for messages.</summary>
public sealed record NamedBundle(string Source, byte[] Bytes)
{
    public static NamedBundle FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new SimSetupException("bundle not found: " + path);
        }
        return new NamedBundle(path, File.ReadAllBytes(path));
    }
}
