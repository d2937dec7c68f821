using System.Runtime.InteropServices;

namespace WasmBox.Nano.Bench;

/// <summary>
/// CPU time consumed by the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)).
/// Unlike wall-clock time it does not grow while other processes hold the core, so it stays
/// meaningful on a shared build machine. Elsewhere it is unavailable and reads as null.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static long? NowNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        return clock_gettime(ClockThreadCpuTimeId, out Timespec now) == 0
            ? now.Seconds * 1_000_000_000L + now.Nanoseconds
            : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out Timespec time);
}
