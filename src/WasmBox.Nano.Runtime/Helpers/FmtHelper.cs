using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// RIOT fmt: 0x50 fmt_s16_dfp(out, val, fp_digits) writes the int16 fixed-point value
    /// with the decimal point moved left (fp_digits &lt; 0) or zeros appended (&gt; 0);
    /// 0x51 fmt_u32_dec(out, val) writes the decimal digits. Neither writes a terminator;
    /// both return the length. The whole output range must be writable.
    /// </summary>
    public sealed class FmtHelper : RuntimeHelper
    {
        /// <summary>RIOT's fmt allows up to 7 digits of shift; more would only pad.</summary>
        public const int MaxShift = 7;

        private readonly LineBuilder _text = new LineBuilder(24);
        private readonly byte[] _bytes = new byte[24];

        public FmtHelper(Container container, int id)
            : base(container, id)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            _text.Clear();
            if (Id == HelperIds.FmtU32Dec)
            {
                _text.AppendUnsigned((uint)r2, 10, false, 0, false);
            }
            else
            {
                int digits = (int)r3;
                if (digits > MaxShift || digits < -MaxShift)
                {
                    result = Errno.Result(Errno.Invalid);
                    return VmStatus.Ok;
                }
                FormatFixedPoint((short)r2, digits);
            }
            int n = _text.CopyTo(_bytes);
            if (!vm.Memory.TryWrite(r1, _bytes, 0, n))
            {
                return BadPointer(out result);
            }
            result = (ulong)n;
            return VmStatus.Ok;
        }

        private void FormatFixedPoint(short value, int digits)
        {
            int magnitude = value < 0 ? -value : value;
            if (value < 0)
            {
                _text.Append('-');
            }
            if (digits >= 0)
            {
                _text.AppendUnsigned((ulong)magnitude, 10, false, 0, false);
                for (int i = 0; i < digits; i++)
                {
                    _text.Append('0');
                }
                return;
            }
            int divisor = 1;
            for (int i = 0; i < -digits; i++)
            {
                divisor *= 10;
            }
            _text.AppendUnsigned((ulong)(magnitude / divisor), 10, false, 0, false);
            _text.Append('.');
            _text.AppendUnsigned((ulong)(magnitude % divisor), 10, false, -digits, true);
        }
    }
}
