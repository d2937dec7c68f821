using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Hostcalls
{
    /// <summary>
    /// One installed policy program: a verified eBPF program with its own VM (one stack frame,
    /// its read-only <see cref="PolicyContext"/>, its rodata and a small instruction budget), a
    /// private store, the helpers and tenants it is attached to, and its decision counters.
    /// <see cref="Decide"/> allocates nothing; decisions are serialised (one VM per policy).
    /// </summary>
    public sealed class HostcallPolicy
    {
        /// <summary>Most instructions (and taken branches) one decision may use.</summary>
        public const int MaxInstructionBudget = 4096;
        public const int DefaultInstructionBudget = 512;
        public const int StoreCapacity = 16;

        private readonly WasmBox.Nano.Vm.Vm _vm;
        private readonly byte[] _context = new byte[PolicyContext.Size];
        private readonly HelperGrant _helpers;
        private readonly string[] _tenants;
        private readonly object _lock = new object();
        private Container _lastCaller;

        private long _allowed;
        private long _denied;
        private long _faulted;

        /// <summary>A policy running <paramref name="program"/> (<paramref name="definition"/>'s text, verified by the caller).</summary>
        internal HostcallPolicy(PolicyDefinition definition, VmProgram program, RuntimeServices services)
        {
            Name = definition.Name;
            Sequence = definition.Sequence;
            Entry = definition.Entry;
            InstructionBudget = definition.InstructionBudget;
            HelperIds = definition.HelperIds;
            Services = services;
            _helpers = new HelperGrant(definition.HelperIds);
            _tenants = definition.Tenants == null ? new string[0] : definition.Tenants;
            Store = new KeyValueStore(StoreCapacity);
            Scratch = new byte[PolicyHelperIds.MaxArgRead];
            HelperTable table = new HelperTable();
            int[] ids = PolicyHelperIds.All();
            for (int i = 0; i < ids.Length; i++)
            {
                table.Register(ids[i], new PolicyHelper(this, ids[i]));
            }
            _vm = new WasmBox.Nano.Vm.Vm(program, table, null, 1);
            _vm.InstructionBudget = definition.InstructionBudget;
            _vm.BranchBudget = definition.InstructionBudget;
            _vm.Memory.Map(new MemoryRegion(PolicyContext.Address, _context, true, false));
            if (definition.Rodata != null && definition.Rodata.Length > 0)
            {
                _vm.Memory.Map(new MemoryRegion(MemoryRegion.RodataBase, definition.Rodata, true, false));
            }
        }

        public string Name { get; private set; }

        /// <summary>The signed sequence number it was installed with (anti-rollback is the installer's job).</summary>
        public long Sequence { get; private set; }

        public int Entry { get; private set; }

        /// <summary>Instructions (and taken branches) one decision may use.</summary>
        public int InstructionBudget { get; private set; }

        /// <summary>The helper ids it decides.</summary>
        public int[] HelperIds { get; private set; }

        /// <summary>The tenants it decides for; empty: every tenant.</summary>
        public string[] Tenants { get { return _tenants; } }

        public KeyValueStore Store { get; private set; }

        public long Allowed { get { return _allowed; } }

        public long Denied { get { return _denied; } }

        public long Faulted { get { return _faulted; } }

        /// <summary>How the last decision's run ended (for fault reports).</summary>
        public VmStatus LastStatus { get { return _vm.Status; } }

        public int LastFaultIndex { get { return _vm.FaultIndex; } }

        internal RuntimeServices Services { get; private set; }

        /// <summary>The calling container's VM while a decision runs (arg_read reads through it).</summary>
        internal WasmBox.Nano.Vm.Vm Caller { get; private set; }

        internal byte[] Scratch { get; private set; }

        public bool Decides(int helperId)
        {
            return _helpers.IsGranted(helperId);
        }

        /// <summary>True when the policy applies to <paramref name="tenant"/>'s calls.</summary>
        public bool AppliesTo(string tenant)
        {
            if (_tenants.Length == 0)
            {
                return true;
            }
            for (int i = 0; i < _tenants.Length; i++)
            {
                if (_tenants[i] == tenant)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// Runs the program on one call. r0 == 0 allows; a negative 32-bit r0 in -4095..-1 denies with that
        /// errno; any other value denies with -EACCES; a fault or an exhausted budget denies with -EACCES.
        /// <paramref name="result"/> is what the caller's r0 becomes when the call is denied.
        /// </summary>
        internal PolicyVerdict Decide(Container caller, WasmBox.Nano.Vm.Vm callerVm, int helperId,
            ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, long nowMs, long wallSeconds, out ulong result)
        {
            lock (_lock)
            {
                if (caller != _lastCaller)
                {
                    PolicyContext.WriteNames(_context, caller, Services.Board.DeviceId);
                    _lastCaller = caller;
                }
                PolicyContext.WriteCall(_context, caller, helperId, r1, r2, r3, r4, r5, nowMs, wallSeconds);
                Caller = callerVm;
                VmStatus status = _vm.RunAt(Entry, PolicyContext.Address, 0);
                Caller = null;
                if (status != VmStatus.Ok)
                {
                    _faulted++;
                    result = Errno.Result(Errno.Access);
                    return PolicyVerdict.Fault;
                }
                uint r0 = (uint)_vm.Result;
                if (r0 == 0)
                {
                    _allowed++;
                    result = 0;
                    return PolicyVerdict.Allow;
                }
                _denied++;
                // -4095..-1 as 32 bits: 0xFFFFF001..0xFFFFFFFF.
                result = r0 >= 0xFFFFF001u ? Signed.Extend32(r0) : Errno.Result(Errno.Access);
                return PolicyVerdict.Deny;
            }
        }
    }
}
