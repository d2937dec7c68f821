namespace WasmBox.Nano.Asm;

/// <summary>A source line the assembler cannot encode; the message names the line and the reason.</summary>
public sealed class AssemblyException(int line, string reason) : Exception("line " + line + ": " + reason)
{
    /// <summary>1-based line number in the source text.</summary>
    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
