namespace WasmBox.Nano.Firmware.Tests.Support;

/// <summary>A folder of stand-in executables that record how they were called, one line per call.</summary>
internal sealed class FakeTools : IDisposable
{
    readonly string log;

    public FakeTools(params string[] names)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("wbx-fake-tools-").FullName;
        log = Path.Combine(Directory, "calls.log");
        foreach (string name in names)
        {
            string path = Path.Combine(Directory, name);
            // Quote each argument the way firmware/flash prints it, so a call reads like the planned line.
            File.WriteAllText(path, "#!/bin/bash\nline=\"" + name + "\"\nfor a in \"$@\"; do\n"
                + "  if [[ \"$a\" =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then line+=\" $a\"; else line+=\" '${a//\\'/\\'\\\\\\'\\'}'\"; fi\n"
                + "done\necho \"$line\" >> '" + log + "'\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Directory { get; }

    public string[] Calls() => File.Exists(log) ? File.ReadAllLines(log) : [];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
