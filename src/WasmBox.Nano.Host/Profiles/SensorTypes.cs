namespace WasmBox.Nano.Host.Profiles;

/// <summary>
/// Profile type names and the SAUL device-class ids (RIOT's registry, which Femto-Containers'
/// sensor helpers use) that <c>ISensorBus.TypeOf</c> reports for them.
/// </summary>
public static class SensorTypes
{
    public static readonly IReadOnlyDictionary<string, int> Sensors = new Dictionary<string, int>
    {
        ["button"] = 0x81,
        ["temperature"] = 0x82,
        ["humidity"] = 0x83,
        ["light"] = 0x84,
        ["pressure"] = 0x89,
        ["analog"] = 0x8a,
    };

    public static readonly IReadOnlyDictionary<string, int> Actuators = new Dictionary<string, int>
    {
        ["servo"] = 0x43,
        ["motor"] = 0x44,
        ["switch"] = 0x45,
        ["dimmer"] = 0x46,
    };
}
