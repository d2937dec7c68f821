using System;
using WasmBox.Nano.Crypto.NfTests;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Bench.Device
{
    /// <summary>
    /// Device code (nanoFramework subset) for <c>WasmBox.Nano.NanoClr bench --hostcalls</c>: the device
    /// runtime on <see cref="BenchBoard"/> runs a clang-built tenant function that calls one helper 100
    /// times per run, with no policy or one clang-built policy deciding it, as `wbx bench hostcalls` does
    /// on the desktop. Prints <c>bench NAME runs=R instructions=CALLS ms=T result=0x...</c> (calls, not eBPF instructions).
    /// </summary>
    public static class HostcallBench
    {
        private const int CallsPerRun = 100;

        private const string Provisioning =
            "{ \"tenants\": [ { \"id\": \"acme\", \"helpers\": [\"gpio_write\", \"saul_reg_find_nth\", \"actuator_write\", \"mqtt_publish\"],"
            + " \"pins\": [ { \"pin\": 4, \"mode\": \"output\" } ], \"sensors\": [ { \"name\": \"relay0\", \"access\": \"readwrite\" } ],"
            + " \"topics\": [\"globex/#\"], \"limits\": { \"maxContainers\": 1, \"maxImageBytes\": 4096, \"ramBytes\": 65536,"
            + " \"instructionsPerRun\": 10000, \"branchesPerRun\": 1000, \"runsPerSecond\": 100000, \"helperCallsPerSecond\": 10000000,"
            + " \"payloadBytes\": 64 } } ] }";

        /// <param name="policyHex">The policy's text, or "" for none.</param>
        /// <param name="policyTenants">"acme" or "" (every tenant).</param>
        public static void Run(string name, string helper, string tenantHex, string tenantRodataHex, string policyHex, string policyRodataHex,
            string policyTenants, int runs)
        {
            BenchBoard board = new BenchBoard();
            WasmBoxRuntime runtime = new WasmBoxRuntime(board, new NullTransport(), null);
            PolicyParseResult parsed = PolicyParser.Parse(Provisioning);
            string refusal = parsed.Ok ? runtime.Provision(parsed.Tenants) : parsed.ToString();
            Container c = refusal == null ? Install(runtime, helper, tenantHex, tenantRodataHex, out refusal) : null;
            if (c != null && policyHex.Length > 0)
            {
                PolicyDefinition d = new PolicyDefinition();
                d.Name = "bench";
                d.Sequence = 1;
                d.Text = TestBytes.FromHex(policyHex);
                d.Rodata = TestBytes.FromHex(policyRodataHex);
                d.HelperIds = new int[] { HelperIds.IdOf(helper) };
                d.Tenants = policyTenants.Length == 0 ? null : new string[] { policyTenants };
                refusal = runtime.Services.Policies.Install(d);
            }
            if (refusal != null)
            {
                Console.WriteLine("bench " + name + " error=" + refusal);
                return;
            }
            runtime.Services.Policies.WallClock = board;
            bool publish = helper == "mqtt_publish";
            byte[] payload = Ascii(board.DeviceId + " t=21.5");
            long denied = 0;
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < runs; i++)
            {
                if (publish)
                {
                    runtime.Dispatch(HookKind.Mqtt, 0, "globex/in", payload, payload.Length);
                }
                else
                {
                    runtime.Dispatch(HookKind.Timer, 1000, null, null, 0);
                }
                denied += c.LastResult == 0 ? 0 : 1;
                board.Step();
            }
            long ticks = DateTime.UtcNow.Ticks - start;
            Console.WriteLine("bench " + name + " runs=" + runs.ToString() + " instructions=" + (runs * (long)CallsPerRun).ToString()
                + " ms=" + (ticks / TimeSpan.TicksPerMillisecond).ToString() + " result=0x" + denied.ToString("x"));
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }

        private static Container Install(WasmBoxRuntime runtime, string helper, string tenantHex, string rodataHex, out string refusal)
        {
            ContainerManifest m = new ContainerManifest("calls");
            m.Hooks = new HookBinding[] { helper == "mqtt_publish" ? HookBinding.Mqtt("globex/in") : HookBinding.Timer(1000) };
            if (helper == "gpio_write")
            {
                m.Pins = new PinGrant[] { new PinGrant(4, PinDriveMode.Output) };
            }
            if (helper == "actuator_write")
            {
                m.Sensors = new SensorGrant[] { new SensorGrant("relay0", true) };
            }
            byte[] rodata = TestBytes.FromHex(rodataHex);
            m.Rodata = rodata.Length == 0 ? null : rodata;
            InstallResult result = runtime.Install("acme", m, TestBytes.FromHex(tenantHex));
            refusal = result.Ok ? (runtime.Start(result.Container) ? null : "does not start") : result.Reason;
            return result.Ok ? result.Container : null;
        }
    }

    /// <summary>
    /// The least board the bench needs: pins that take writes, temp0 at 21.50 °C and the relay0
    /// actuator, a clock the bench steps by 1 ms per run, and noon UTC on the wall clock.
    /// </summary>
    public sealed class BenchBoard : IBoard, IClock, IGpio, ISensorBus, ILogSink, IWallClock
    {
        private long _nowMs;

        public string DeviceId { get { return "bench-board"; } }

        public IGpio Gpio { get { return this; } }

        public ISensorBus Sensors { get { return this; } }

        public IClock Clock { get { return this; } }

        public IStorage Storage { get { return null; } }

        public ILogSink Log { get { return this; } }

        public int HeapBudgetBytes { get { return 256 * 1024; } }

        public long NowMs { get { return _nowMs; } }

        /// <summary>2026-12-02 12:00 UTC.</summary>
        public long UnixSeconds { get { return 1796212800; } }

        public void Step()
        {
            _nowMs++;
        }

        public bool IsModeSupported(int pin, PinDriveMode mode) { return true; }

        public bool OpenPin(int pin, PinDriveMode mode) { return true; }

        public void ClosePin(int pin) { }

        public void Write(int pin, bool high) { }

        public bool Read(int pin) { return false; }

        public void SetEdgeHandler(int pin, IGpioEdgeHandler handler) { }

        public int Count { get { return 2; } }

        public int TypeOf(int index) { return index == 0 ? 130 : 69; }

        public string NameOf(int index) { return index == 0 ? "temp0" : "relay0"; }

        public bool Read(int index, out int value, out int scale)
        {
            value = index == 0 ? 2150 : 0;
            scale = index == 0 ? -2 : 0;
            return index == 0 || index == 1;
        }

        public bool Write(int index, int value) { return index == 1; }

        public void Write(string source, string line) { }
    }

    /// <summary>A connected transport that drops what the bench publishes.</summary>
    public sealed class NullTransport : IMessageTransport
    {
        public bool IsConnected { get { return true; } }

        public bool Publish(string topic, byte[] payload, int qos, bool retain) { return true; }

        public void Subscribe(string topicFilter, int qos, IMessageHandler handler) { }

        public void Unsubscribe(string topicFilter) { }
    }
}
