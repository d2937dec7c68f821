using WasmBox.Nano.Deploy.Device;
using WasmBox.Nano.Mqtt;

namespace WasmBox.Nano.Deploy.Tests.Support;

/// <summary>Starts simulated devices of the test tenants on a test broker.</summary>
internal static class Devices
{
    /// <summary>Generous: the machine running the tests may be busy.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static int _next;

    public static string NewId(string stem) => stem + "-" + Interlocked.Increment(ref _next) + "-" + Environment.ProcessId;

    public static Task<SimulatedDevice> StartAsync(MqttEndpoint broker, string id, byte[]? deviceKey = null, int? coapPort = null,
        TimeSpan? telemetry = null, string? storage = null, byte[]? ownerKey = null) =>
        SimulatedDevice.StartAsync(new SimulatedDeviceOptions
        {
            DeviceId = id,
            Broker = broker,
            PolicyText = TestTenants.Policy,
            Keyring = TestTenants.Keyring,
            DeviceKey = deviceKey,
            CoapPort = coapPort,
            StorageDirectory = storage,
            OwnerKey = ownerKey,
            TelemetryPeriod = telemetry ?? TimeSpan.Zero,
        });
}
