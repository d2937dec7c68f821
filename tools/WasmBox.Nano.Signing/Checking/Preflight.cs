using WasmBox.Nano.Bundle;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Signing.Checking;

/// <summary>
/// The VM's pre-flight verifier as the host applies it to function text. The host does not know
/// a board's helper table, so every id 0-255 exists; which ones the code may call is then the
/// manifest's helper list, exactly as a board checks it when the tenant's grant covers it.
/// </summary>
public static class Preflight
{
    public const int MaxInstructions = ImageCodec.MaxTextBytes / Opcodes.InstructionSize;

    private static readonly HelperTable EveryHelper = HelperTable.Declaring(null);

    /// <summary>The structural rules only: any helper id may be called.</summary>
    public static VerifyResult CheckStructure(byte[] text) => Verify(text, grant: null);

    /// <summary>The structural rules, and only the helpers <paramref name="manifest"/> declares may be called.</summary>
    public static VerifyResult CheckAgainst(Manifest manifest, byte[] text) => Verify(text, new HelperGrant(manifest.Helpers));

    /// <summary>The helper ids the text calls, ascending (what `wbx pack` writes into the manifest).</summary>
    public static int[] CalledHelpers(byte[] text)
    {
        VerifyResult result = CheckStructure(text);
        if (!result.Ok)
        {
            throw new BundleAuthoringException("the image's code fails the VM verifier: " + result.Message);
        }
        int[] ids = result.Program.HelperIds;
        Array.Sort(ids);
        return ids;
    }

    private static VerifyResult Verify(byte[] text, HelperGrant? grant) =>
        Verifier.Verify(text, new VerifierOptions { Helpers = EveryHelper, Grant = grant, MaxInstructions = MaxInstructions });
}
