using System.Text.Json;
using System.Text.Json.Serialization;
using WasmBox.Nano.Cli.Io;

namespace WasmBox.Nano.Cli.Project;

/// <summary>Budgets a function asks for; 0 means the tenant's policy default.</summary>
internal sealed record FunctionBudgets(int Instructions = 0, int Branches = 0, int Ram = 0, int StackFrames = 0);

/// <summary>
/// A function project's <c>wbx.json</c> (written by <c>wbx new</c>): what <c>build</c>, <c>pack</c>,
/// <c>sim</c> and <c>deploy</c> need besides the C file. Paths are relative to the project folder.
/// </summary>
internal sealed record FunctionProject
{
    public const string FileName = "wbx.json";

    public string Name { get; init; } = "";
    public string Source { get; init; } = "";
    public string Tenant { get; init; } = "";
    public int Slot { get; init; }
    public string? Entry { get; init; }
    public string[] Hooks { get; init; } = [];
    public string[] Pins { get; init; } = [];
    public string[] Sensors { get; init; } = [];
    /// <summary>I2C devices as BUS:ADDRESS:SPEED:SDA:SCL, like <c>wbx pack --i2c</c>.</summary>
    public string[] I2c { get; init; } = [];
    /// <summary>SPI devices as BUS:CS:CLOCK:MODE:MOSI:MISO:SCK, like <c>wbx pack --spi</c>.</summary>
    public string[] Spi { get; init; } = [];
    /// <summary>UARTs as PORT:BAUD:TX:RX, like <c>wbx pack --uart</c>.</summary>
    public string[] Uart { get; init; } = [];
    /// <summary>PWM channels as CHANNEL:PIN, like <c>wbx pack --pwm</c>.</summary>
    public string[] Pwm { get; init; } = [];
    /// <summary>ADC channels as CHANNEL:PIN, like <c>wbx pack --adc</c>.</summary>
    public string[] Adc { get; init; } = [];
    /// <summary>MQTT topic filters the tenant's policy grants (relative to wbx/{id}/app/).</summary>
    public string[] Topics { get; init; } = [];
    public FunctionBudgets Budgets { get; init; } = new();
    /// <summary>The tenant's private key; null leaves it to --key, $WBX_KEY or ~/.config/wbx.</summary>
    public string? Key { get; init; }
    public string? Mqtt { get; init; }
    public string? Device { get; init; }

    /// <summary>The folder holding wbx.json (set when loaded).</summary>
    [JsonIgnore]
    public string Folder { get; init; } = ".";

    [JsonIgnore]
    public string SourcePath => Path.Combine(Folder, Source);

    [JsonIgnore]
    public string? KeyPath => Key is null ? null : Path.Combine(Folder, Key);

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>The project of a folder (its wbx.json), or of the folder a C file sits in; null when there is none.</summary>
    public static FunctionProject? Find(string path)
    {
        string folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string file = Path.Combine(folder, FileName);
        return File.Exists(file) ? Load(file) : null;
    }

    /// <summary>The project in <paramref name="folder"/>; a <see cref="CliError"/> saying how to make one when there is none.</summary>
    public static FunctionProject Require(string folder) =>
        Find(folder) ?? throw new CliError(folder + " has no " + FileName + ": create a project with `wbx new NAME`");

    public static FunctionProject Load(string file)
    {
        FunctionProject project;
        try
        {
            project = JsonSerializer.Deserialize<FunctionProject>(InputFile.ReadText(file), Json)
                ?? throw new CliError(file + " is the JSON null");
        }
        catch (JsonException e)
        {
            throw new CliError(file + ": " + e.Message + " (see `wbx new --help` for the fields)");
        }
        if (project.Source.Length == 0 || project.Tenant.Length == 0)
            throw new CliError(file + ": \"source\" and \"tenant\" are required");
        return project with { Folder = Path.GetDirectoryName(Path.GetFullPath(file))! };
    }

    public void Save(string file) => File.WriteAllText(file, JsonSerializer.Serialize(this, Json) + "\n");
}
