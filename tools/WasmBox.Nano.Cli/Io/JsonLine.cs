using System.Text.Json;

namespace WasmBox.Nano.Cli.Io;

/// <summary>One JSON object on one line, camelCase, as every device command's --json prints it.</summary>
internal static class JsonLine
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Print(object value) => Console.WriteLine(JsonSerializer.Serialize(value, Options));
}
