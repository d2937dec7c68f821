using System.Text.Json;
using WasmBox.Nano.Cli.Io;

namespace WasmBox.Nano.Cli.Project;

/// <summary>
/// Defaults for broker, device and key, first found wins: the command's flag, the environment
/// (<c>WBX_MQTT</c>, <c>WBX_DEVICE</c>, <c>WBX_KEY</c>), the function project's wbx.json, then
/// <c>~/.config/wbx/config.json</c> (<c>$XDG_CONFIG_HOME/wbx</c>) with members mqtt, device, key.
/// </summary>
internal sealed record WbxConfig(string? Mqtt, string? Device, string? Key)
{
    public const string MqttVariable = "WBX_MQTT";
    public const string DeviceVariable = "WBX_DEVICE";
    public const string KeyVariable = "WBX_KEY";

    /// <summary>The wbx config folder: $XDG_CONFIG_HOME/wbx, else ~/.config/wbx.</summary>
    public static string Folder() =>
        Path.Combine(BrokerOptions.FromEnvironment("XDG_CONFIG_HOME")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"), "wbx");

    /// <summary>What the environment, then <paramref name="project"/>, then the user's config file say.</summary>
    public static WbxConfig Resolve(FunctionProject? project)
    {
        WbxConfig user = UserFile();
        return new WbxConfig(
            BrokerOptions.FromEnvironment(MqttVariable) ?? project?.Mqtt ?? user.Mqtt,
            BrokerOptions.FromEnvironment(DeviceVariable) ?? project?.Device ?? user.Device,
            BrokerOptions.FromEnvironment(KeyVariable) ?? project?.KeyPath ?? user.Key);
    }

    private static WbxConfig UserFile()
    {
        string path = Path.Combine(Folder(), "config.json");
        if (!File.Exists(path))
            return new WbxConfig(null, null, null);
        try
        {
            return JsonSerializer.Deserialize<WbxConfig>(File.ReadAllText(path), FunctionProject.Json) ?? new WbxConfig(null, null, null);
        }
        catch (JsonException e)
        {
            throw new CliError(path + ": " + e.Message + " (members: mqtt, device, key)");
        }
    }
}
