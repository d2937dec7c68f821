// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.Globalization
{
    public sealed class DateTimeFormatInfo
    {
        internal DateTimeFormatInfo() { throw null; }

        public static DateTimeFormatInfo CurrentInfo { get { throw null; } }

        public string AMDesignator { get { throw null; } }

        public string DateSeparator { get { throw null; } }

        public string FullDateTimePattern { get { throw null; } }

        public string LongDatePattern { get { throw null; } }

        public string LongTimePattern { get { throw null; } }

        public string MonthDayPattern { get { throw null; } }

        public string PMDesignator { get { throw null; } }

        public string RFC1123Pattern { get { throw null; } }

        public string ShortDatePattern { get { throw null; } }

        public string ShortTimePattern { get { throw null; } }

        public string SortableDateTimePattern { get { throw null; } }

        public string TimeSeparator { get { throw null; } }

        public string UniversalSortableDateTimePattern { get { throw null; } }

        public string YearMonthPattern { get { throw null; } }

        public string[] AbbreviatedDayNames { get { throw null; } }

        public string[] DayNames { get { throw null; } }

        public string[] AbbreviatedMonthNames { get { throw null; } }

        public string[] MonthNames { get { throw null; } }
    }
}
