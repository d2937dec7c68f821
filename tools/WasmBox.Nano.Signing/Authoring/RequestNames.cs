using WasmBox.Nano.Bundle;

namespace WasmBox.Nano.Signing.Authoring;

/// <summary>The words tools use for manifest codes: hook kinds, GPIO edges and pin modes.</summary>
public static class RequestNames
{
    private static readonly string[] HookKinds = ["", "timer", "gpio", "mqtt", "coap", "boot", "install"];
    private static readonly string[] Edges = ["", "rising", "falling", "both"];
    private static readonly string[] PinModes = ["input", "input-pullup", "input-pulldown", "output"];

    public static string HookKind(int kind) => NameOf(HookKinds, kind, 1);

    public static string Edge(int edge) => NameOf(Edges, edge, 1);

    public static string PinMode(int mode) => NameOf(PinModes, mode, 0);

    /// <summary>The code of a hook kind word, or -1.</summary>
    public static int ParseHookKind(string word) => CodeOf(HookKinds, word, 1);

    public static int ParseEdge(string word) => CodeOf(Edges, word, 1);

    public static int ParsePinMode(string word) => CodeOf(PinModes, word, 0);

    public static string EdgeChoices => string.Join(", ", Edges[1..]);

    public static string PinModeChoices => string.Join(", ", PinModes);

    private static string NameOf(string[] names, int code, int first) =>
        code >= first && code < names.Length ? names[code] : "unknown-" + code;

    private static int CodeOf(string[] names, string word, int first)
    {
        int index = Array.IndexOf(names, word);
        return index >= first ? index : -1;
    }
}
