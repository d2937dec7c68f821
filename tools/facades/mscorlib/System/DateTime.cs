// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System
{
    public enum DateTimeKind
    {
        Utc = 1,
        [Obsolete("nanoFramework doesn't support local time, so DateTimeKind.Local is provided to allow code reuse and keep consistency with full .NET framework", true)]
        Local = 2,
    }

    public struct DateTime
    {
        public static readonly DateTime MinValue;

        public static readonly DateTime MaxValue;

        public static readonly DateTime UnixEpoch;

        public DateTime(long ticks) { throw null; }

        public DateTime(long ticks, DateTimeKind kind) { throw null; }

        public DateTime(int year, int month, int day) { throw null; }

        public DateTime(int year, int month, int day, int hour, int minute, int second) { throw null; }

        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond) { throw null; }

        public DateTime Add(TimeSpan val) { throw null; }

        public DateTime AddDays(double val) { throw null; }

        public DateTime AddHours(double val) { throw null; }

        public DateTime AddMilliseconds(double val) { throw null; }

        public DateTime AddMinutes(double val) { throw null; }

        public DateTime AddSeconds(double val) { throw null; }

        public DateTime AddTicks(long val) { throw null; }

        public static int Compare(DateTime t1, DateTime t2) { throw null; }

        public int CompareTo(object val) { throw null; }

        public static int DaysInMonth(int year, int month) { throw null; }

        public override bool Equals(object obj) { throw null; }

        public static bool Equals(DateTime t1, DateTime t2) { throw null; }

        public DateTime Date { get { throw null; } }

        public int Day { get { throw null; } }

        public DayOfWeek DayOfWeek { get { throw null; } }

        public int DayOfYear { get { throw null; } }

        public int Hour { get { throw null; } }

        public DateTimeKind Kind { get { throw null; } }

        public int Millisecond { get { throw null; } }

        public int Minute { get { throw null; } }

        public int Month { get { throw null; } }

        public static DateTime UtcNow { get { throw null; } }

        public int Second { get { throw null; } }

        public long Ticks { get { throw null; } }

        public TimeSpan TimeOfDay { get { throw null; } }

        public static DateTime Today { get { throw null; } }

        public int Year { get { throw null; } }

        public TimeSpan Subtract(DateTime val) { throw null; }

        public DateTime Subtract(TimeSpan val) { throw null; }

        public override string ToString() { throw null; }

        public string ToString(string format) { throw null; }

        public static DateTime operator +(DateTime d, TimeSpan t) { throw null; }

        public static DateTime operator -(DateTime d, TimeSpan t) { throw null; }

        public static TimeSpan operator -(DateTime d1, DateTime d2) { throw null; }

        public static bool operator ==(DateTime d1, DateTime d2) { throw null; }

        public static bool operator !=(DateTime t1, DateTime t2) { throw null; }

        public static bool operator <(DateTime t1, DateTime t2) { throw null; }

        public static bool operator <=(DateTime t1, DateTime t2) { throw null; }

        public static bool operator >(DateTime t1, DateTime t2) { throw null; }

        public static bool operator >=(DateTime t1, DateTime t2) { throw null; }

        public static DateTime FromUnixTimeSeconds(long seconds) { throw null; }

        public long ToUnixTimeSeconds() { throw null; }

        public override int GetHashCode() { throw null; }

        public static DateTime Parse(string s) { throw null; }

        public static bool TryParse(string s, out DateTime result) { throw null; }
    }
}
