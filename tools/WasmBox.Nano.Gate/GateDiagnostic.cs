using Microsoft.CodeAnalysis;

namespace WasmBox.Nano.Gate;

/// <summary>One gate error, printed as <c>path(line,col): error ID: message</c> like the compiler does.</summary>
internal sealed record GateDiagnostic(string Path, int Line, int Column, string Id, string Message)
{
    public static GateDiagnostic FromRoslyn(Diagnostic d, string displayRoot)
    {
        var span = d.Location.GetLineSpan();
        var path = string.IsNullOrEmpty(span.Path) ? "" : DisplayPath.Relative(displayRoot, span.Path);
        return new GateDiagnostic(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Id, d.GetMessage());
    }

    /// <summary>A problem with a whole file or project rather than a position in source.</summary>
    public static GateDiagnostic ForFile(string path, string id, string message) => new(path, 0, 0, id, message);

    public override string ToString() => Line > 0
        ? $"{Path}({Line},{Column}): error {Id}: {Message}"
        : $"{Path}: error {Id}: {Message}";
}

internal static class DisplayPath
{
    /// <summary>Path relative to the repository root with forward slashes, or the full path when outside it.</summary>
    public static string Relative(string root, string path)
    {
        var relative = System.IO.Path.GetRelativePath(root, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? System.IO.Path.GetFullPath(path) : relative).Replace('\\', '/');
    }
}
