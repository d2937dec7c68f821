namespace WasmBox.Nano.Vm.Tests.Support;

/// <summary>
/// Helpers for random programs. They take random pointers and lengths and go through the
/// checked accessors, so the isolation properties cover helper memory access too.
/// Id 4 exists but is never granted at run time.
/// </summary>
internal static class FuzzHelpers
{
    public const int Fill = 1, Inspect = 2, Erratic = 3, NeverGranted = 4;

    public static HelperTable CreateTable()
    {
        var table = new HelperTable();
        table.Register(Fill, new FillHelper());
        table.Register(Inspect, new DelegateHelper((vm, a, b, c, d, e) =>
        {
            int length = vm.Memory.CStringLength(a, (int)(b & 127));
            return vm.Memory.TryReadUInt64(c, out ulong value) ? value + (ulong)length : (ulong)length;
        }));
        table.Register(Erratic, new ErraticHelper());
        table.Register(NeverGranted, new DelegateHelper((vm, a, b, c, d, e) => 0));
        return table;
    }

    public static HelperGrant RunTimeGrant() => new([Fill, Inspect, Erratic]);

    /// <summary>memset(r1, 0xA5, r2 % 65) through TryWrite; r0 = 1 when it was allowed.</summary>
    private sealed class FillHelper : IHelper
    {
        private readonly byte[] _pattern = Enumerable.Repeat((byte)0xA5, 64).ToArray();

        public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = vm.Memory.TryWrite(r1, _pattern, 0, (int)(r2 % 65)) ? 1UL : 0UL;
            return VmStatus.Ok;
        }
    }

    /// <summary>By the sum of its arguments mod 4: returns, ends the program, faults, or throws.</summary>
    private sealed class ErraticHelper : IHelper
    {
        public VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = r1;
            switch ((r1 + r2 + r3 + r4 + r5) % 4)
            {
                case 1: vm.RequestExit(); return VmStatus.Ok;
                case 2: return VmStatus.HelperFault;
                case 3: throw new InvalidOperationException("erratic helper");
                default: return VmStatus.Ok;
            }
        }
    }
}
