using System.Collections;
using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// A fresh runtime on a <see cref="FakeBoard"/> per test (the launcher runs tests without an
    /// instance, so nothing is shared), recording the runtime's events, with the provisioning
    /// document the tests use: tenant "acme" may drive pin 2 (not pin 3) and call store_local,
    /// fetch_local, gpio_write and now_ms (not print).
    /// </summary>
    public sealed class RuntimeRig : IRuntimeEvents
    {
        public const string Tenant = "acme";
        public const int TimerPeriodMs = 100;
        public const int GrantedPin = 2;
        public const int UngrantedPin = 3;

        public const string Policy =
            "{\"tenants\": [{\"id\": \"acme\", "
            + "\"helpers\": [\"store_local\", \"fetch_local\", \"gpio_write\", \"now_ms\"], "
            + "\"pins\": [{\"pin\": 2, \"mode\": \"output\"}], "
            + "\"limits\": {\"maxContainers\": 2, \"maxImageBytes\": 2048, \"ramBytes\": 65536, "
            + "\"instructionsPerRun\": 1000, \"branchesPerRun\": 100, \"runsPerSecond\": 100, "
            + "\"helperCallsPerSecond\": 100}}]}";

        private readonly ArrayList _events = new ArrayList();

        public RuntimeRig(MonitorSettings settings) : this(settings, Policy)
        {
        }

        /// <summary>A rig provisioned with another policy document.</summary>
        public RuntimeRig(MonitorSettings settings, string policy)
        {
            Board = new FakeBoard();
            Runtime = new WasmBoxRuntime(Board, null, settings);
            Runtime.Monitor.AddListener(this);
            Provision(Runtime, policy);
        }

        /// <summary>Provisions <paramref name="runtime"/> with a policy document the test requires to be valid.</summary>
        public static void Provision(WasmBoxRuntime runtime, string policy)
        {
            PolicyParseResult parsed = PolicyParser.Parse(policy);
            Assert.IsTrue(parsed.Ok, parsed.ToString());
            Assert.IsNull(runtime.Provision(parsed.Tenants));
        }

        public FakeBoard Board { get; private set; }

        public WasmBoxRuntime Runtime { get; private set; }

        public void OnRuntimeEvent(RuntimeEvent e)
        {
            _events.Add(e);
        }

        /// <summary>How many events of <paramref name="kind"/> the runtime raised.</summary>
        public int CountEvents(RuntimeEventKind kind)
        {
            int n = 0;
            for (int i = 0; i < _events.Count; i++)
            {
                if (((RuntimeEvent)_events[i]).Kind == kind)
                {
                    n++;
                }
            }
            return n;
        }

        /// <summary>A manifest on the test timer hook, optionally declaring pins.</summary>
        public static ContainerManifest TimerManifest(string name, PinGrant[] pins)
        {
            ContainerManifest m = new ContainerManifest(name);
            m.Hooks = new HookBinding[] { HookBinding.Timer(TimerPeriodMs) };
            if (pins != null)
            {
                m.Pins = pins;
            }
            return m;
        }

        /// <summary>Installs and starts a program on the timer hook; fails the test when refused.</summary>
        public Container InstallAndStart(string name, byte[] code, PinGrant[] pins)
        {
            InstallResult result = Runtime.Install(Tenant, TimerManifest(name, pins), code);
            Assert.IsTrue(result.Ok, "install refused: " + result.Reason);
            Assert.IsTrue(Runtime.Start(result.Container));
            return result.Container;
        }

        /// <summary>The pins argument of <see cref="InstallAndStart"/> for one output pin.</summary>
        public static PinGrant[] OutputPin(int pin)
        {
            return new PinGrant[] { new PinGrant(pin, PinDriveMode.Output) };
        }

        /// <summary>Requires the container's last run to have ended with <paramref name="expected"/>.</summary>
        public static void AssertLastStatus(VmStatus expected, Container c)
        {
            Assert.AreEqual(VmStatusText.Describe(expected), VmStatusText.Describe(c.LastStatus),
                "last run of " + c.LogSource + " (fault index " + c.FaultIndex + ")");
        }

        /// <summary>Moves the board clock by <paramref name="ms"/> and dispatches the timer once; returns the runs.</summary>
        public int Beat(int ms)
        {
            Board.FakeClock.Advance(ms);
            return Runtime.Dispatch(HookKind.Timer, TimerPeriodMs, null, null, 0);
        }
    }
}
