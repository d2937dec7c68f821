using WasmBox.Nano.Device.Networked.Storage;
using WasmBox.Nano.Firmware.Tests.Fakes;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Firmware.Tests;

/// <summary>
/// The STM32 SD-card wait at boot, over a drive that behaves like System.IO.FileSystem 1.1.93: until the card
/// mounts, Directory.Exists("D:\\") throws instead of answering false.
/// </summary>
public class DriveWaitTests
{
    readonly IClock clock = new TickClock();

    [Fact]
    public void The_wait_outlasts_a_drive_whose_Directory_Exists_throws_until_it_mounts()
    {
        var drive = new FakeFileSystem("D:", probesBeforeMount: 3);

        Assert.True(DriveWait.UntilMounted(drive, "D:\\", clock, 10_000, 1));

        Assert.Equal(3, drive.UnmountedCalls);
        var storage = new FileStorage("D:\\wbx", drive, new ListLog());
        Assert.True(storage.Write("a", [1], 0, 1));
    }

    [Fact]
    public void A_drive_that_never_mounts_ends_the_wait_instead_of_throwing()
    {
        var drive = new FakeFileSystem("D:", probesBeforeMount: -1);

        Assert.False(DriveWait.UntilMounted(drive, "D:\\", clock, 50, 1));

        Assert.True(drive.UnmountedCalls > 1);
    }

    [Fact]
    public void A_mounted_drive_needs_no_wait()
    {
        Assert.True(DriveWait.UntilMounted(new FakeFileSystem("I:"), "I:\\", clock, 0, 1));
    }

    sealed class TickClock : IClock
    {
        public long NowMs => Environment.TickCount64;
    }
}
