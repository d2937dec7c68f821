using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Toolchain;

/// <summary>
/// Runs the VM's verifier on linked text with every helper id 0-255 declared, so only the
/// structural rules apply; which helpers a tenant may call is decided later, at pack and
/// install time, from <see cref="VmProgram.HelperIds"/>.
/// </summary>
public static class StructuralVerifier
{
    private static readonly HelperTable AnyHelper = HelperTable.Declaring(null);

    public static VerifyResult Verify(byte[] text) =>
        Verifier.Verify(text, new VerifierOptions { Helpers = AnyHelper, MaxInstructions = Bundle.ImageCodec.MaxTextBytes / Opcodes.InstructionSize });
}
