namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// How a run ended. <see cref="Ok"/> is a normal exit; everything else is a fault that
    /// stopped the program at <see cref="Vm.FaultIndex"/>. Runs never end in a host exception.
    /// </summary>
    public enum VmStatus
    {
        Ok = 0,
        /// <summary>The per-run instruction budget (fuel) ran out.</summary>
        InstructionBudgetExhausted = 1,
        /// <summary>The per-run taken-branch budget ran out.</summary>
        BranchBudgetExhausted = 2,
        /// <summary>A load or store touched an address outside every mapped region.</summary>
        MemoryOutOfBounds = 3,
        /// <summary>A store hit a read-only region, or a load hit a write-only one.</summary>
        MemoryPermission = 4,
        /// <summary>A local call went deeper than the stack has frames.</summary>
        CallDepthExceeded = 5,
        /// <summary>A helper id with no handler in the helper table.</summary>
        UnknownHelper = 6,
        /// <summary>A helper outside the grant of the program's tenant.</summary>
        HelperDenied = 7,
        /// <summary>A helper refused its arguments (bad pointer, bad length, ...).</summary>
        HelperFault = 8,
        /// <summary>An opcode the interpreter does not execute (never passes the verifier).</summary>
        InvalidInstruction = 9,
    }

    /// <summary>Human-readable names for <see cref="VmStatus"/> (nanoFramework's Enum.ToString prints numbers).</summary>
    public static class VmStatusText
    {
        public static string Describe(VmStatus status)
        {
            switch (status)
            {
                case VmStatus.Ok: return "ok";
                case VmStatus.InstructionBudgetExhausted: return "instruction budget exhausted";
                case VmStatus.BranchBudgetExhausted: return "branch budget exhausted";
                case VmStatus.MemoryOutOfBounds: return "memory access out of bounds";
                case VmStatus.MemoryPermission: return "memory access not permitted";
                case VmStatus.CallDepthExceeded: return "call depth exceeded";
                case VmStatus.UnknownHelper: return "unknown helper";
                case VmStatus.HelperDenied: return "helper not granted";
                case VmStatus.HelperFault: return "helper fault";
                case VmStatus.InvalidInstruction: return "invalid instruction";
                default: return "unknown status";
            }
        }
    }
}
