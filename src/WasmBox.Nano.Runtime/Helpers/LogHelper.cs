using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// 0xA0 log(level, msg, len): writes "LEVEL msg" to the board log under "tenant/container";
    /// level 0 debug, 1 info, 2 warning, 3 error. Returns 0, -EINVAL for an unknown level.
    /// The message range must be readable; at most <see cref="MaxMessage"/> bytes are kept.
    /// </summary>
    public sealed class LogHelper : RuntimeHelper
    {
        public const int MaxMessage = 128;

        private static readonly string[] Levels = new string[] { "DEBUG ", "INFO ", "WARN ", "ERROR " };

        private readonly byte[] _bytes = new byte[MaxMessage];
        private readonly LineBuilder _line = new LineBuilder(MaxMessage + 8);

        public LogHelper(Container container)
            : base(container, HelperIds.Log)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            if (r1 >= (ulong)Levels.Length)
            {
                result = Errno.Result(Errno.Invalid);
                return VmStatus.Ok;
            }
            if (r3 > int.MaxValue || vm.Memory.Translate(r2, (int)r3, false) < 0)
            {
                return BadPointer(out result);
            }
            int n = r3 > MaxMessage ? MaxMessage : (int)r3;
            vm.Memory.TryRead(r2, _bytes, 0, n);
            _line.Clear();
            string level = Levels[(int)r1];
            for (int i = 0; i < level.Length; i++)
            {
                _line.Append(level[i]);
            }
            for (int i = 0; i < n; i++)
            {
                _line.Append((char)_bytes[i]);
            }
            Container.Services.WriteTenantLine(Container, _line.ToString());
            result = 0;
            return VmStatus.Ok;
        }
    }
}
