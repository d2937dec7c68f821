using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Conformance;

/// <summary>
/// The helpers a bpf_conformance plugin registers (ids 0-5). Pointer arguments are VM
/// addresses and go through the VM's checked memory accessors like any program access.
/// </summary>
public static class ConformanceHelpers
{
    public const int GatherBytesId = 0;
    public const int MemfrobId = 1;
    public const int NoOpId = 2;
    public const int SqrtiId = 3;
    public const int StrcmpExtId = 4;
    public const int UnwindId = 5;

    public static HelperTable CreateTable()
    {
        var table = new HelperTable();
        table.Register(GatherBytesId, new GatherBytes());
        table.Register(MemfrobId, new Memfrob());
        table.Register(NoOpId, new NoOp());
        table.Register(SqrtiId, new Sqrti());
        table.Register(StrcmpExtId, new StrcmpExt());
        table.Register(UnwindId, new Unwind());
        return table;
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
            for (int i = 0; i < (int)r2; i++)
            {
                data[at + i] ^= 42;
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

    /// <summary>Integer square root of r1, rounded down.</summary>
    private sealed class Sqrti : IHelper
    {
        public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            // The double estimate can be one off for large inputs; correct it exactly.
            ulong root = (ulong)Math.Sqrt(r1);
            while (root > 0 && (root > uint.MaxValue || root * root > r1))
            {
                root--;
            }
            while (root < uint.MaxValue && (root + 1) * (root + 1) <= r1)
            {
                root++;
            }
            result = root;
            return VmStatus.Ok;
        }
    }

    /// <summary>C strcmp of the NUL-terminated strings at r1 and r2 (bytes compared unsigned).</summary>
    private sealed class StrcmpExt : IHelper
    {
        private const int MaxLength = 1 << 16;

        public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = 0;
            byte[]? a = ReadString(vm.Memory, r1);
            byte[]? b = ReadString(vm.Memory, r2);
            if (a is null || b is null)
            {
                return VmStatus.HelperFault;
            }
            for (int i = 0; ; i++)
            {
                int ca = i < a.Length ? a[i] : 0;
                int cb = i < b.Length ? b[i] : 0;
                if (ca != cb || ca == 0)
                {
                    result = (ulong)(long)(ca - cb);
                    return VmStatus.Ok;
                }
            }
        }

        private static byte[]? ReadString(VmMemory memory, ulong address)
        {
            int length = memory.CStringLength(address, MaxLength);
            if (length < 0)
            {
                return null;
            }
            var bytes = new byte[length];
            return memory.TryRead(address, bytes, 0, length) ? bytes : null;
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
