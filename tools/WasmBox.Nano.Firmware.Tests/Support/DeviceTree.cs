namespace WasmBox.Nano.Firmware.Tests.Support;

/// <summary>
/// A scratch copy of the device projects the firmware builds from (src/ libraries and firmware/ apps), so a
/// test can drop in its own firmware/BoardConfig.cs and run the gate over it. Deleted after the test.
/// </summary>
internal sealed class DeviceTree : IDisposable
{
    static readonly string[] Folders =
    [
        "src/WasmBox.Nano.Vm", "src/WasmBox.Nano.Runtime", "src/WasmBox.Nano.Cbor", "src/WasmBox.Nano.Crypto", "src/WasmBox.Nano.Bundle",
        "src/WasmBox.Nano.Update", "src/WasmBox.Nano.Coap", "src/WasmBox.Nano.Protocol",
        "src/WasmBox.Nano.Device",
        "firmware/Esp32", "firmware/Stm32",
    ];

    DeviceTree(string root) => Root = root;

    public string Root { get; }

    public static DeviceTree Copy()
    {
        var tree = new DeviceTree(Directory.CreateTempSubdirectory("wbx-device-tree-").FullName);
        foreach (string folder in Folders) CopyFolder(Path.Combine(Repository.Root, folder), Path.Combine(tree.Root, folder));
        return tree;
    }

    static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (string dir in Directory.GetDirectories(from))
            if (Path.GetFileName(dir) is not ("bin" or "obj")) CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
