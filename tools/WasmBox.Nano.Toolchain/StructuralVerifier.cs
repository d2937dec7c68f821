using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Toolchain;

/// <summary>
/// Runs the VM's verifier on linked text with every helper id 0-255 declared, so only the
/// structural rules apply; which helpers a tenant may call is decided later, at pack and
/// install time, from <see cref="VmProgram.HelperIds"/>.
/// </summary>
public static class StructuralVerifier
{
    private static readonly HelperTable AnyHelper = CreateAnyHelperTable();

    public static VerifyResult Verify(byte[] text) =>
        Verifier.Verify(text, new VerifierOptions { Helpers = AnyHelper, MaxInstructions = Bundle.ImageCodec.MaxTextBytes / Opcodes.InstructionSize });

    private static HelperTable CreateAnyHelperTable()
    {
        var table = new HelperTable();
        for (int id = 0; id <= HelperTable.MaxId; id++)
        {
            table.Register(id, DeclaredOnly.Instance);
        }
        return table;
    }

    /// <summary>Declares that an id exists; the build never runs the program, so the handler does nothing.</summary>
    private sealed class DeclaredOnly : IHelper
    {
        public static readonly DeclaredOnly Instance = new();

        public VmStatus Invoke(Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            result = 0;
            return VmStatus.Ok;
        }
    }
}
