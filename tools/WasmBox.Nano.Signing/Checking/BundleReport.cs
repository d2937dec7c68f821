using WasmBox.Nano.Bundle;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Signing.Checking;

public enum SignatureStatus
{
    /// <summary>No key was given, or the bundle did not parse far enough.</summary>
    NotChecked,
    Verified,
    Invalid,
    /// <summary>The keyring has no key for the manifest's tenant.</summary>
    UnknownTenant,
}

public enum DigestStatus
{
    NotChecked,
    Matches,
    Mismatch,
}

/// <summary>
/// What a bundle check found, stage by stage. <see cref="Error"/> is the first refusal in the
/// order a board checks (the same result <see cref="BundleReader.Open"/> gives), or
/// <see cref="BundleError.None"/>; later stages still run where they can, for display.
/// </summary>
public sealed record BundleReport(
    int Size,
    BundleError Error,
    string? Detail,
    Manifest? Manifest,
    SignatureStatus Signature,
    DigestStatus Digest,
    FunctionImage? Image,
    VerifyResult? Preflight)
{
    public const string PreflightFailed = "preflight-failed";

    /// <summary>A board with this keyring would install it: signature, digest, image and code all pass.</summary>
    public bool Accepted => Problem is null && Signature == SignatureStatus.Verified;

    /// <summary>
    /// The first refusal as a stable code and a sentence: a <see cref="BundleErrorText"/> name, or
    /// <see cref="PreflightFailed"/> when the code fails the verifier. Null when every check that
    /// ran passed (an unchecked signature is not a problem here; see <see cref="Accepted"/>).
    /// </summary>
    public (string Code, string Detail)? Problem =>
        Error != BundleError.None ? (BundleErrorText.Name(Error), Detail ?? "")
        : Preflight is { Ok: false } ? (PreflightFailed, "the code fails the VM verifier: " + Preflight.Message)
        : null;
}
