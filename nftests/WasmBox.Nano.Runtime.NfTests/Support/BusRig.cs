using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// A runtime on <see cref="FakeBusBoard"/> provisioned with a test's policy, installing
    /// timer-hooked containers that declare peripherals and running them once.
    /// </summary>
    public sealed class BusRig
    {
        public const int Period = 100;

        public BusRig(string policy)
        {
            Board = new FakeBusBoard();
            Runtime = new WasmBoxRuntime(Board, null, null);
            RuntimeRig.Provision(Runtime, policy);
        }

        public FakeBusBoard Board { get; private set; }

        public WasmBoxRuntime Runtime { get; private set; }

        /// <summary>A manifest on the timer hook declaring <paramref name="needs"/> and GPIO <paramref name="pins"/> (either may be null).</summary>
        public static ContainerManifest Manifest(string name, PeripheralNeeds needs, PinGrant[] pins)
        {
            ContainerManifest m = new ContainerManifest(name);
            m.Hooks = new HookBinding[] { HookBinding.Timer(Period) };
            if (needs != null)
            {
                m.Peripherals = needs;
            }
            if (pins != null)
            {
                m.Pins = pins;
            }
            return m;
        }

        public InstallResult Install(string tenant, ContainerManifest m, byte[] code)
        {
            return Runtime.Install(tenant, m, code);
        }

        public Container Start(string tenant, ContainerManifest m, byte[] code)
        {
            InstallResult r = Install(tenant, m, code);
            Assert.IsTrue(r.Ok, "install refused: " + r.Reason);
            Assert.IsTrue(Runtime.Start(r.Container));
            return r.Container;
        }

        /// <summary>Installs <paramref name="code"/> for tenant acme declaring <paramref name="needs"/>, and runs it once.</summary>
        public Container RunOnce(PeripheralNeeds needs, byte[] code)
        {
            Container c = Start("acme", Manifest("probe", needs, null), code);
            Board.FakeClock.Advance(1000);
            Runtime.Dispatch(HookKind.Timer, Period, null, null, 0);
            return c;
        }
    }
}
