namespace WasmBox.Nano.Vm
{
    /// <summary>
    /// A host function the program reaches with <c>call id</c>. The VM knows no helper itself:
    /// the runtime fills a <see cref="HelperTable"/>. Pointer arguments are VM addresses and
    /// must be resolved through <see cref="Vm.Memory"/>'s checked accessors.
    /// </summary>
    public interface IHelper
    {
        /// <summary>
        /// Runs the helper with arguments r1..r5 and puts its return value in
        /// <paramref name="result"/> (r0). Returns <see cref="VmStatus.Ok"/> to continue, or a
        /// fault (usually <see cref="VmStatus.HelperFault"/>) to stop the program.
        /// A helper may also end the program normally with <see cref="Vm.RequestExit"/>.
        /// Must not throw.
        /// </summary>
        VmStatus Invoke(Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result);
    }
}
