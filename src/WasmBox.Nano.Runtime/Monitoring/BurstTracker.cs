namespace WasmBox.Nano.Runtime.Monitoring
{
    /// <summary>Remembers the times of the last N occurrences; a burst is N within a window.</summary>
    internal sealed class BurstTracker
    {
        private readonly long[] _times;
        private int _next;
        private int _filled;

        public BurstTracker(int count)
        {
            _times = new long[count < 1 ? 1 : count];
        }

        /// <summary>Records one occurrence; true when it completes N within <paramref name="windowMs"/>.</summary>
        public bool Record(long nowMs, int windowMs)
        {
            _times[_next] = nowMs;
            _next = _next + 1 == _times.Length ? 0 : _next + 1;
            if (_filled < _times.Length)
            {
                _filled++;
            }
            // After the write, _next points at the oldest of the last N.
            return _filled == _times.Length && nowMs - _times[_next] <= windowMs;
        }

        public void Reset()
        {
            _filled = 0;
            _next = 0;
        }
    }

    /// <summary>
    /// Runs per window against the container's own baseline (an exponential average over
    /// past windows, fixed point x16). Quiet windows count as zero.
    /// </summary>
    internal sealed class RateBaseline
    {
        private const int MaxCatchUpWindows = 16;

        private long _windowStart = -1;
        private int _count;
        private int _baseline16;
        private int _windows;

        public bool RecordRun(long nowMs, MonitorSettings s)
        {
            if (_windowStart < 0)
            {
                _windowStart = nowMs;
            }
            long elapsed = nowMs - _windowStart;
            if (elapsed >= s.RateWindowMs)
            {
                long closed = elapsed / s.RateWindowMs;
                Fold(_count);
                for (long i = 1; i < closed && i < MaxCatchUpWindows; i++)
                {
                    Fold(0);
                }
                _windowStart += closed * s.RateWindowMs;
                _count = 0;
            }
            _count++;
            return _windows >= s.RateWarmupWindows
                && _count >= s.RateSpikeMinimumRuns
                && _count * 16 > _baseline16 * s.RateSpikeFactor;
        }

        public int CurrentWindowRuns { get { return _count; } }

        /// <summary>Average runs per window, rounded down.</summary>
        public int Baseline { get { return _baseline16 / 16; } }

        public void Reset()
        {
            _windowStart = -1;
            _count = 0;
            _baseline16 = 0;
            _windows = 0;
        }

        private void Fold(int count)
        {
            // The first window seeds the average; later ones move it by 1/8.
            _baseline16 = _windows == 0 ? count * 16 : _baseline16 + (count * 16 - _baseline16) / 8;
            _windows++;
        }
    }
}
