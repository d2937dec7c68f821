namespace WasmBox.Nano.Sim.Tests.Support;

/// <summary>Provisioning documents for tests on the simulated ESP32-DevKitC.</summary>
public static class TestPolicies
{
    /// <summary>acme: LED pin 2, the button on pin 0, acme/# topics; globex: pin 4, globex/# topics.</summary>
    public const string TwoTenants = """
        { "tenants": [
          { "id": "acme",
            "helpers": ["gpio_toggle", "store_local", "fetch_local", "store_global", "now_ms"],
            "pins": [ { "pin": 2, "mode": "output" }, { "pin": 0, "mode": "input-pullup" } ],
            "topics": ["acme/#"],
            "limits": { "maxContainers": 2, "maxImageBytes": 2048, "ramBytes": 32768,
                        "instructionsPerRun": 10000, "branchesPerRun": 1000,
                        "runsPerSecond": 100, "helperCallsPerSecond": 1000 } },
          { "id": "globex",
            "helpers": ["gpio_write", "now_ms"],
            "pins": [ { "pin": 4, "mode": "output" } ],
            "topics": ["globex/#"],
            "limits": { "maxContainers": 2, "maxImageBytes": 2048, "ramBytes": 32768,
                        "instructionsPerRun": 10000, "branchesPerRun": 1000,
                        "runsPerSecond": 100, "helperCallsPerSecond": 1000 } }
        ] }
        """;
}
