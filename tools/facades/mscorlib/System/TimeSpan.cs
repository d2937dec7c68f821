// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public struct TimeSpan
    {
        private int _dummyPrimitive;

        public const long TicksPerMillisecond = 10000L;

        public const long TicksPerSecond = 10000000L;

        public const long TicksPerMinute = 600000000L;

        public const long TicksPerHour = 36000000000L;

        public const long TicksPerDay = 864000000000L;

        public static readonly TimeSpan Zero;

        public static readonly TimeSpan MaxValue;

        public static readonly TimeSpan MinValue;

        public TimeSpan(long ticks) { throw null; }

        public TimeSpan(int hours, int minutes, int seconds) { throw null; }

        public TimeSpan(int days, int hours, int minutes, int seconds) { throw null; }

        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds) { throw null; }

        public long Ticks { get { throw null; } }

        public int Days { get { throw null; } }

        public int Hours { get { throw null; } }

        public int Milliseconds { get { throw null; } }

        public int Minutes { get { throw null; } }

        public int Seconds { get { throw null; } }

        public double TotalDays { get { throw null; } }

        public double TotalHours { get { throw null; } }

        public double TotalMilliseconds { get { throw null; } }

        public double TotalMinutes { get { throw null; } }

        public double TotalSeconds { get { throw null; } }

        public TimeSpan Add(TimeSpan ts) { throw null; }

        public static int Compare(TimeSpan t1, TimeSpan t2) { throw null; }

        public int CompareTo(object value) { throw null; }

        public TimeSpan Duration() { throw null; }

        public override bool Equals(object value) { throw null; }

        public static bool Equals(TimeSpan t1, TimeSpan t2) { throw null; }

        public TimeSpan Negate() { throw null; }

        public TimeSpan Subtract(TimeSpan ts) { throw null; }

        public static TimeSpan FromTicks(long value) { throw null; }

        public static TimeSpan FromMilliseconds(long value) { throw null; }

        public static TimeSpan FromSeconds(long value) { throw null; }

        public static TimeSpan FromMinutes(long value) { throw null; }

        public static TimeSpan FromHours(long value) { throw null; }

        public static TimeSpan FromDays(long value) { throw null; }

        public override string ToString() { throw null; }

        public static TimeSpan operator -(TimeSpan t) { throw null; }

        public static TimeSpan operator -(TimeSpan t1, TimeSpan t2) { throw null; }

        public static TimeSpan operator +(TimeSpan t) { throw null; }

        public static TimeSpan operator +(TimeSpan t1, TimeSpan t2) { throw null; }

        public static bool operator ==(TimeSpan t1, TimeSpan t2) { throw null; }

        public static bool operator !=(TimeSpan t1, TimeSpan t2) { throw null; }

        public static bool operator <(TimeSpan t1, TimeSpan t2) { throw null; }

        public static bool operator <=(TimeSpan t1, TimeSpan t2) { throw null; }

        public static bool operator >(TimeSpan t1, TimeSpan t2) { throw null; }

        public static bool operator >=(TimeSpan t1, TimeSpan t2) { throw null; }

        public override int GetHashCode() { throw null; }
    }
}
