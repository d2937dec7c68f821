namespace WasmBox.Nano.Bench.Hostcalls;

/// <summary>
/// One configuration of `wbx bench hostcalls`: a tenant function (tools/bench/hostcalls/) that calls
/// one helper 100 times per run, and the policy of tools/samples/policies/ deciding it (null: none).
/// </summary>
public sealed record HostcallCase(string Name, string Helper, string TenantSource, string? Policy, string[] PolicyTenants)
{
    public const int CallsPerRun = 100;

    public static readonly HostcallCase[] All =
    [
        new("gpio_write, no policy", "gpio_write", "gpio_calls", null, []),
        new("gpio_write, trivial allow", "gpio_write", "gpio_calls", "allow", []),
        new("gpio_write, pin4_cool (a)", "gpio_write", "gpio_calls", "pin4_cool", ["acme"]),
        new("actuator_write, no policy", "actuator_write", "actuator_calls", null, []),
        new("actuator_write, relay_night (c)", "actuator_write", "actuator_calls", "relay_night", []),
        new("mqtt_publish, no policy", "mqtt_publish", "publish_calls", null, []),
        new("mqtt_publish, payload_prefix (d)", "mqtt_publish", "publish_calls", "payload_prefix", []),
        new("mqtt_publish, telemetry_quota (b)", "mqtt_publish", "publish_calls", "telemetry_quota", ["acme"]),
    ];
}

/// <summary>ns per helper call (median and best of 5 batches), bytes allocated per call, and what the calls returned.</summary>
public sealed record HostcallResult(string Case, double MedianNsPerCall, double BestNsPerCall, double BytesPerCall, long Calls, long Denied);
