using System;
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
            while (!IsMounted(files, driveRoot))
            {
                if (clock.NowMs > giveUp)
                {
                    return false;
                }
                Thread.Sleep(pollMs);
            }
            return true;
        }

        // System.IO.FileSystem 1.1.93's Directory.Exists does not catch: on a drive that is not mounted yet the
        // native volume lookup fails and it throws instead of answering false.
        private static bool IsMounted(IFileSystem files, string driveRoot)
        {
            try
            {
                return files.DirectoryExists(driveRoot);
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}
