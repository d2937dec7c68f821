using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Conformance
{
    /// <summary>
    /// The helpers a bpf_conformance plugin registers (ids 0-5), in device code: the same file runs in the
    /// host's conformance harness (linked into tools/WasmBox.Nano.Conformance) and on nanoCLR. Pointer
    /// arguments are VM addresses and go through the VM's checked memory like any program access.
    /// Only unsigned arithmetic and logical shifts: nanoCLR picks signedness of shr/rem/conv.i8 from the
    /// stack value's type tag (../shared/nanoclr/README.md).
    /// </summary>
    public static class ConformanceHelpers
    {
        public const int GatherBytesId = 0;
        public const int MemfrobId = 1;
        public const int NoOpId = 2;
        public const int SqrtiId = 3;
        public const int StrcmpExtId = 4;
        public const int UnwindId = 5;

        /// <summary>Longest string strcmp_ext looks at.</summary>
        public const int MaxStringLength = 1 << 16;

        public static HelperTable CreateTable()
        {
            HelperTable table = new HelperTable();
            table.Register(GatherBytesId, new GatherBytes());
            table.Register(MemfrobId, new Memfrob());
            table.Register(NoOpId, new NoOp());
            table.Register(SqrtiId, new Sqrti());
            table.Register(StrcmpExtId, new StrcmpExt());
            table.Register(UnwindId, new Unwind());
            return table;
        }

        /// <summary>Floor of the square root of <paramref name="value"/>, bit by bit (no floating point on the device).</summary>
        public static ulong IntegerSquareRoot(ulong value)
        {
            ulong root = 0;
            ulong bit = 1UL << 62;
            while (bit > value)
            {
                bit >>= 2;
            }
            while (bit != 0)
            {
                if (value >= root + bit)
                {
                    value -= root + bit;
                    root = (root >> 1) + bit;
                }
                else
                {
                    root >>= 1;
                }
                bit >>= 2;
            }
            return root;
        }

        /// <summary>C strcmp of the NUL-terminated strings at <paramref name="a"/> and <paramref name="b"/>
        /// (bytes compared unsigned), as a 64-bit two's complement value; false when either is unreadable
        /// or longer than <see cref="MaxStringLength"/>.</summary>
        public static bool TryCompareStrings(VmMemory memory, ulong a, ulong b, out ulong result)
        {
            result = 0;
            if (memory.CStringLength(a, MaxStringLength) < 0 || memory.CStringLength(b, MaxStringLength) < 0)
            {
                return false;
            }
            for (ulong i = 0; ; i++)
            {
                byte ca;
                byte cb;
                memory.TryReadByte(a + i, out ca);
                memory.TryReadByte(b + i, out cb);
                if (ca != cb || ca == 0)
                {
                    // ca - cb as a 64-bit two's complement value, without a sign-extending conversion.
                    result = ca >= cb ? (ulong)(ca - cb) : ~(ulong)(cb - ca) + 1;
                    return true;
                }
            }
        }

        /// <summary>Packs the low bytes of r1..r5 into one value, r1's byte highest.</summary>
        private sealed class GatherBytes : IHelper
        {
            public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
            {
                result = (r1 & 0xff) << 32 | (r2 & 0xff) << 24 | (r3 & 0xff) << 16 | (r4 & 0xff) << 8 | (r5 & 0xff);
                return VmStatus.Ok;
            }
        }

        /// <summary>XORs r2 bytes at address r1 with 42, in place.</summary>
        private sealed class Memfrob : IHelper
        {
            public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
            {
                result = 0;
                if (r2 == 0)
                {
                    return VmStatus.Ok;
                }
                int at = r2 > int.MaxValue ? VmMemory.OutOfBounds : vm.Memory.Translate(r1, (int)r2, true);
                if (at < 0)
                {
                    return VmStatus.HelperFault;
                }
                byte[] data = vm.Memory.HitData;
                int end = at + (int)r2;
                for (int i = at; i < end; i++)
                {
                    data[i] ^= 42;
                }
                return VmStatus.Ok;
            }
        }

        private sealed class NoOp : IHelper
        {
            public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
            {
                result = 0;
                return VmStatus.Ok;
            }
        }

        private sealed class Sqrti : IHelper
        {
            public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
            {
                result = IntegerSquareRoot(r1);
                return VmStatus.Ok;
            }
        }

        private sealed class StrcmpExt : IHelper
        {
            public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
            {
                return TryCompareStrings(vm.Memory, r1, r2, out result) ? VmStatus.Ok : VmStatus.HelperFault;
            }
        }

        /// <summary>Returns r1; when that is 0 the program ends at once with r0 = 0.</summary>
        private sealed class Unwind : IHelper
        {
            public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
            {
                result = r1;
                if (r1 == 0)
                {
                    vm.RequestExit();
                }
                return VmStatus.Ok;
            }
        }
    }
}
