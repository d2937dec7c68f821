using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// Base of every helper: bound to one container, it meters the call (counts by id and
    /// ends the run when the container floods helpers beyond its tenant's rate), lets the board
    /// owner's policy programs deny it (only when one decides this helper) and then
    /// runs the helper body. Bodies touch VM memory only through vm.Memory's checked
    /// accessors: a bad pointer ends the run with <see cref="VmStatus.HelperFault"/>.
    /// A resource outside the container's declared and granted needs is refused with
    /// <see cref="Errno.Access"/> and counted as a policy violation.
    /// </summary>
    public abstract class RuntimeHelper : IHelper
    {
        protected readonly Container Container;
        protected readonly int Id;

        protected RuntimeHelper(Container container, int id)
        {
            Container = container;
            Id = id;
        }

        public VmStatus Invoke(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            if (!Container.BeginHelperCall(Id))
            {
                result = 0;
                return VmStatus.HelperDenied;
            }
            HostcallPolicy[] chain = Container.Services.Policies.ChainOf(Id);
            if (chain != null && Container.Services.Policies.Denies(chain, Container, vm, Id, r1, r2, r3, r4, r5, out result))
            {
                return VmStatus.Ok;
            }
            return Call(vm, r1, r2, r3, r4, r5, out result);
        }

        protected abstract VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result);

        /// <summary>Counts a refused resource and returns -EACCES for r0.</summary>
        protected ulong Deny(int resource)
        {
            Container.ReportViolation(Id, resource);
            return Errno.Result(Errno.Access);
        }

        /// <summary>Ends the run: the program passed a pointer or length it may not use.</summary>
        protected static VmStatus BadPointer(out ulong result)
        {
            result = 0;
            return VmStatus.HelperFault;
        }
    }

    /// <summary>Negative errno results (RIOT/POSIX numbers), sign-extended into r0.</summary>
    public static class Errno
    {
        public const int Io = 5;
        public const int NoDevice = 6;
        public const int Busy = 16;
        public const int NoMemory = 12;
        public const int Access = 13;
        public const int Invalid = 22;
        public const int NotConnected = 107;

        public static ulong Result(int errno)
        {
            return (ulong)(long)(-errno);
        }
    }
}
