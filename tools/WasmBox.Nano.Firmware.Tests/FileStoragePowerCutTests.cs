using System.Security.Cryptography;
using WasmBox.Nano.Device.Networked.Storage;
using WasmBox.Nano.Firmware.Tests.Fakes;
using WasmBox.Nano.Update;
using WasmBox.Nano.Update.Tests.Support;

namespace WasmBox.Nano.Firmware.Tests;

/// <summary>
/// The device file storage over a drive that fails like the board's (<see cref="FakeFileSystem"/>): power is cut
/// at every write of a change in turn, with File.Move atomic and with File.Move degraded to its copy-then-delete
/// fallback, and the next boot must find the old state or the new one — for single blobs, and for the update
/// manager's installs on top (the old or the new function, never neither).
/// </summary>
public sealed class FileStoragePowerCutTests : UpdateTestBase
{
    const string Root = "D:\\wbx";

    // Larger than File.Copy's 2048-byte chunk, so a degraded move is cut between chunks too.
    static readonly byte[] Old = Enumerable.Repeat((byte)0x11, 5000).ToArray();
    static readonly byte[] New = Enumerable.Repeat((byte)0x22, 4500).ToArray();

    readonly ListLog log = new();

    public enum Change { FirstWrite, Overwrite, Rename }

    public static TheoryData<Change, bool> Changes()
    {
        var data = new TheoryData<Change, bool>();
        foreach (Change change in Enum.GetValues<Change>())
        {
            data.Add(change, false);
            data.Add(change, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_cut_at_any_write_leaves_the_old_or_the_new_blob(Change change, bool degradedMove)
    {
        var before = new FakeFileSystem { DegradedMove = degradedMove };
        FileStorage prepared = Open(before);
        if (change != Change.FirstWrite) Assert.True(prepared.Write("a", Old, 0, Old.Length));
        if (change == Change.Rename) Assert.True(prepared.Write("staged", New, 0, New.Length));

        string[] oldState = Observe(before.Survivor());
        (FakeFileSystem done, int writes) = Run(before, drive => Apply(Open(drive), change), 0);
        string[] newState = Observe(done.Survivor());
        Assert.NotEqual(oldState, newState);

        var seen = new HashSet<string>();
        for (int k = 1; k <= writes + 1; k++)
        {
            (FakeFileSystem cut, _) = Run(before, drive => Apply(Open(drive), change), k);

            FakeFileSystem rebooted = cut.Survivor();
            string[] after = Observe(rebooted);
            bool isNew = after.SequenceEqual(newState);
            Assert.True(isNew || after.SequenceEqual(oldState),
                $"{change}, degraded move {degradedMove}, cut at write {k} of {writes}: neither old nor new:\n{string.Join("\n", after)}");
            seen.Add(isNew ? "new" : "old");

            // Nothing of the interrupted change is left to trip the next one.
            Assert.Equal(after, Observe(rebooted));
            FileStorage storage = Open(rebooted);
            Assert.True(storage.Write("a", [9], 0, 1));
            Assert.Equal([9], storage.Read("a"));
        }
        Assert.Equal(["new", "old"], seen.Order());
    }

    public static TheoryData<bool, bool> Installs() => new() { { false, false }, { false, true }, { true, false }, { true, true } };

    [Theory]
    [MemberData(nameof(Installs))]
    public void A_cut_at_any_write_of_an_install_leaves_the_old_or_the_new_function(bool firstInstall, bool degradedMove)
    {
        var before = new FakeFileSystem { DegradedMove = degradedMove };
        FileStorage prepared = Open(before);
        if (!firstInstall) AssertAccepted(Boot(prepared).Deploy(Blinker(1)), UpdateStatus.Installed);

        string[] oldState = ObserveDevice(before.Survivor());
        (FakeFileSystem done, int writes) = Run(before, drive => Assert.True(Boot(Open(drive)).Deploy(Blinker(2)).Ok), 0);
        string[] newState = ObserveDevice(done.Survivor());
        Assert.NotEqual(oldState, newState);

        var seen = new HashSet<string>();
        for (int k = 1; k <= writes + 1; k++)
        {
            (FakeFileSystem cut, _) = Run(before, drive => Boot(Open(drive)).Deploy(Blinker(2)), k);

            string[] after = ObserveDevice(cut.Survivor());
            bool isNew = after.SequenceEqual(newState);
            Assert.True(isNew || after.SequenceEqual(oldState),
                $"degraded move {degradedMove}, cut at write {k} of {writes}: neither old nor new function:\n{string.Join("\n", after)}");
            seen.Add(isNew ? "new" : "old");
        }
        Assert.Equal(["new", "old"], seen.Order());
    }

    FileStorage Open(FakeFileSystem drive) => new(Root, drive, log);

    /// <summary>
    /// Runs <paramref name="change"/> on a copy of <paramref name="before"/> with power cut at its
    /// <paramref name="cutAt"/>-th write (0: never); returns the drive and how many writes the change made.
    /// </summary>
    static (FakeFileSystem Drive, int Writes) Run(FakeFileSystem before, Action<FakeFileSystem> change, int cutAt)
    {
        FakeFileSystem drive = before.Survivor();
        if (cutAt > 0) drive.CutPowerAt(cutAt);
        change(drive);
        return (drive, drive.Writes);
    }

    static void Apply(FileStorage storage, Change change)
    {
        if (change == Change.Rename) storage.Rename("staged", "a");
        else storage.Write("a", New, 0, New.Length);
    }

    /// <summary>What a boot over the drive finds: every blob, its length and a digest of its content.</summary>
    string[] Observe(FakeFileSystem drive)
    {
        FileStorage storage = Open(drive);
        return storage.List("").Select(name => Describe(name, storage.Read(name))).ToArray();
    }

    static string Describe(string name, byte[] blob) =>
        blob == null ? name + " unreadable" : $"{name}: {blob.Length} bytes, sha256 {Convert.ToHexString(SHA256.HashData(blob))[..16]}";

    /// <summary>What a boot over the drive runs: the function in acme/0 and its sequence.</summary>
    string[] ObserveDevice(FakeFileSystem drive)
    {
        TestDevice device = Boot(Open(drive));
        Assert.Empty(device.Updates.BootFailures);
        return [.. device.State(withContainerIds: false), "acme/0 sequence " + device.Updates.SequenceOf("acme", 0)];
    }
}
