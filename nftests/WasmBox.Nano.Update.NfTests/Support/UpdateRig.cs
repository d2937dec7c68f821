using nanoFramework.TestFramework;
using WasmBox.Nano.Bundle.NfTests;
using WasmBox.Nano.Runtime;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.NfTests;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Update.NfTests
{
    /// <summary>
    /// One board: the runtime suite's <see cref="FakeBoard"/>, a runtime provisioned for tenant
    /// "acme", and a booted update manager over the given drive. A reboot is a new rig over the
    /// drive that survived. Tests make their own rig (the launcher runs them without an instance).
    /// </summary>
    public sealed class UpdateRig
    {
        public const string Tenant = "acme";
        public const int Slot = 1;
        public const int TimerPeriodMs = 100;

        public const string Policy =
            "{\"tenants\": [{\"id\": \"acme\", \"helpers\": [\"now_ms\"], "
            + "\"limits\": {\"maxContainers\": 2, \"maxImageBytes\": 2048, \"ramBytes\": 65536, "
            + "\"instructionsPerRun\": 1000, \"branchesPerRun\": 100, \"runsPerSecond\": 100, "
            + "\"helperCallsPerSecond\": 100}}]}";

        private UpdateRig(IStorage storage, byte[] acmeKey)
        {
            Board = new FakeBoard();
            Runtime = new WasmBoxRuntime(Board, null, null);
            PolicyParseResult parsed = PolicyParser.Parse(Policy);
            Assert.IsTrue(parsed.Ok, parsed.ToString());
            Assert.IsNull(Runtime.Provision(parsed.Tenants));
            Updates = new UpdateManager(Runtime, storage, new OneTenantKeyring(Tenant, acmeKey));
            Updates.Boot();
        }

        public FakeBoard Board { get; private set; }

        public WasmBoxRuntime Runtime { get; private set; }

        public UpdateManager Updates { get; private set; }

        /// <summary>A booted board that knows acme's real key.</summary>
        public static UpdateRig Start(IStorage storage)
        {
            return new UpdateRig(storage, SignedArtifacts.Bytes(SignedArtifacts.AcmeKey));
        }

        /// <summary>A booted board provisioned with <paramref name="acmeKey"/> (hex) as acme's key.</summary>
        public static UpdateRig StartWithKey(IStorage storage, string acmeKey)
        {
            return new UpdateRig(storage, SignedArtifacts.Bytes(acmeKey));
        }

        public UpdateResult Deploy(string bundleHex)
        {
            byte[] bundle = SignedArtifacts.Bytes(bundleHex);
            return Updates.Deploy(bundle, 0, bundle.Length);
        }

        public UpdateResult Execute(string commandHex)
        {
            byte[] command = SignedArtifacts.Bytes(commandHex);
            return Updates.Execute(command, 0, command.Length);
        }

        /// <summary>acme's function in slot 1, or null.</summary>
        public InstalledFunction Function()
        {
            InstalledFunction[] all = Updates.Installed;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].Tenant == Tenant && all[i].Slot == Slot)
                {
                    return all[i];
                }
            }
            return null;
        }

        /// <summary>
        /// Requires slot 1 to hold a running function whose slot sequence is
        /// <paramref name="sequence"/> and whose bundle, run once by its timer, returns
        /// <paramref name="version"/> (the versions return their own bundle sequence).
        /// </summary>
        public void AssertRuns(long sequence, int version)
        {
            InstalledFunction f = Function();
            Assert.IsNotNull(f, "acme/1 is not installed");
            Assert.AreEqual(sequence, f.Sequence, "slot sequence");
            Assert.AreEqual(sequence, Updates.SequenceOf(Tenant, Slot), "persisted sequence");
            Assert.AreEqual((long)version, f.BundleSequence, "installed bundle's sequence");
            Assert.AreEqual(1, Runtime.Containers.Length, "containers in the runtime");
            Board.FakeClock.Advance(TimerPeriodMs);
            Assert.AreEqual(1, Runtime.Dispatch(HookKind.Timer, TimerPeriodMs, null, null, 0), "runs of one timer beat");
            Assert.AreEqual(VmStatusText.Describe(VmStatus.Ok), VmStatusText.Describe(f.Container.LastStatus), "run status");
            Assert.AreEqual((ulong)version, f.Container.LastResult, "the function's answer");
        }

        /// <summary>Requires slot 1 and the runtime to be empty while the slot keeps <paramref name="sequence"/>.</summary>
        public void AssertEmpty(long sequence)
        {
            Assert.IsNull(Function(), "acme/1 is still installed");
            Assert.AreEqual(0, Runtime.Containers.Length, "containers in the runtime");
            Assert.AreEqual(sequence, Updates.SequenceOf(Tenant, Slot), "persisted sequence");
        }

        public static void AssertAccepted(UpdateStatus expected, UpdateResult result)
        {
            Assert.IsTrue(result.Ok, result.ToString());
            Assert.AreEqual(UpdateResult.StatusName(expected), UpdateResult.StatusName(result.Status), result.ToString());
        }

        public static void AssertRefused(UpdateRefusal expected, UpdateResult result)
        {
            Assert.IsFalse(result.Ok, result.ToString());
            Assert.AreEqual(UpdateRefusalText.Name(expected), UpdateRefusalText.Name(result.Refusal), result.ToString());
            Assert.IsTrue(result.Reason != null && result.Reason.Length > 0, "a refusal says why");
        }
    }
}
