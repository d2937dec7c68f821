using System.Threading;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Networked.Storage
{
    /// <summary>Waits for a drive to mount: an SD card appears a moment after boot (or when inserted).</summary>
    public static class DriveWait
    {
        /// <summary>True once <paramref name="driveRoot"/> (e.g. "D:\\") is there, false after <paramref name="timeoutMs"/>.</summary>
        public static bool UntilMounted(IFileSystem files, string driveRoot, IClock clock, int timeoutMs, int pollMs)
        {
            long giveUp = clock.NowMs + timeoutMs;
            while (!files.DirectoryExists(driveRoot))
            {
                if (clock.NowMs > giveUp)
                {
                    return false;
                }
                Thread.Sleep(pollMs);
            }
            return true;
        }
    }
}
