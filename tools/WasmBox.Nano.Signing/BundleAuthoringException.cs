namespace WasmBox.Nano.Signing;

/// <summary>
/// Bundle content a board would refuse (a manifest rule, an image the verifier rejects, a bad
/// hook or pin text). A <see cref="FormatException"/>, so command-line tools report it as bad input.
/// </summary>
public sealed class BundleAuthoringException(string message) : FormatException(message);
