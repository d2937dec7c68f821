using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// 0x01 print(fmt, a1..a4): a small printf. Conversions %d %i %u %x %X %c %s %%, with an
    /// optional '0' flag, width and l/ll/h/z modifiers (ignored: arguments are 64-bit
    /// registers read as C ints unless 'l'). Formats into the container's preallocated
    /// buffer; the line goes to the board log under "tenant/container". Returns the length.
    /// </summary>
    public sealed class PrintHelper : RuntimeHelper
    {
        public const int MaxFormatLength = 256;

        private readonly LineBuilder _line;

        public PrintHelper(Container container)
            : base(container, HelperIds.Print)
        {
            _line = new LineBuilder(LineBuilder.DefaultCapacity);
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            VmMemory mem = vm.Memory;
            int length = mem.CStringLength(r1, MaxFormatLength);
            if (length < 0)
            {
                return BadPointer(out result);
            }
            _line.Clear();
            int argIndex = 0;
            for (int i = 0; i < length; i++)
            {
                byte c;
                mem.TryReadByte(r1 + (ulong)i, out c);
                if (c != '%' || i + 1 >= length)
                {
                    _line.Append((char)c);
                    continue;
                }
                i++;
                mem.TryReadByte(r1 + (ulong)i, out c);
                bool zeroPad = false;
                int width = 0;
                bool wide = false;
                if (c == '0')
                {
                    zeroPad = true;
                    i++;
                    mem.TryReadByte(r1 + (ulong)i, out c);
                }
                while (c >= '0' && c <= '9' && i + 1 < length)
                {
                    width = width * 10 + (c - '0');
                    i++;
                    mem.TryReadByte(r1 + (ulong)i, out c);
                }
                while ((c == 'l' || c == 'h' || c == 'z') && i + 1 < length)
                {
                    wide |= c == 'l';
                    i++;
                    mem.TryReadByte(r1 + (ulong)i, out c);
                }
                if (c == '%')
                {
                    _line.Append('%');
                    continue;
                }
                ulong arg = argIndex == 0 ? r2 : argIndex == 1 ? r3 : argIndex == 2 ? r4 : r5;
                argIndex++;
                if (argIndex > 4)
                {
                    // More conversions than argument registers: print nothing for them.
                    continue;
                }
                if (!AppendConversion(mem, (char)c, arg, wide, zeroPad, width))
                {
                    return BadPointer(out result);
                }
            }
            Container.Services.WriteTenantLine(Container, _line.ToString());
            result = (ulong)_line.Length;
            return VmStatus.Ok;
        }

        private bool AppendConversion(VmMemory mem, char conversion, ulong arg, bool wide, bool zeroPad, int width)
        {
            switch (conversion)
            {
                case 'd':
                case 'i':
                    _line.AppendSigned(wide ? (long)arg : (int)arg, width, zeroPad);
                    return true;
                case 'u':
                    _line.AppendUnsigned(wide ? arg : (uint)arg, 10, false, width, zeroPad);
                    return true;
                case 'x':
                case 'X':
                    _line.AppendUnsigned(wide ? arg : (uint)arg, 16, conversion == 'X', width, zeroPad);
                    return true;
                case 'c':
                    _line.Append((char)(byte)arg);
                    return true;
                case 's':
                    return AppendCString(mem, arg);
                default:
                    _line.Append('%');
                    _line.Append(conversion);
                    return true;
            }
        }

        private bool AppendCString(VmMemory mem, ulong address)
        {
            int length = mem.CStringLength(address, MaxFormatLength);
            if (length < 0)
            {
                return false;
            }
            for (int k = 0; k < length; k++)
            {
                byte b;
                mem.TryReadByte(address + (ulong)k, out b);
                _line.Append((char)b);
            }
            return true;
        }
    }
}
