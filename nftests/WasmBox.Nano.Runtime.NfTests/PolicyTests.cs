using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// Provisioning: the strict policy document parser on a good document and on bad ones (each
    /// refusal names the field), and the runtime's own refusals when provisioning tenants.
    /// </summary>
    [TestClass]
    public class PolicyTests
    {
        private const string Limits = "\"limits\": {\"maxContainers\": 1, \"maxImageBytes\": 512, \"ramBytes\": 8192, "
            + "\"instructionsPerRun\": 100, \"branchesPerRun\": 10, \"runsPerSecond\": 5, \"helperCallsPerSecond\": 50}";
        private const string Open = "{\"tenants\": [{\"id\": \"acme\", \"helpers\": [], ";
        private const string Close = "}]}";

        [TestMethod]
        public void GoodDocumentYieldsGrantsAndLimits()
        {
            PolicyParseResult parsed = PolicyParser.Parse(RuntimeRig.Policy);
            Assert.IsTrue(parsed.Ok, parsed.ToString());
            Assert.AreEqual(1, parsed.Tenants.Length);
            TenantPolicy acme = parsed.Tenants[0];
            Assert.AreEqual("acme", acme.TenantId);
            Assert.IsTrue(acme.Grant.IsGranted(HelperIds.StoreLocal));
            Assert.IsTrue(acme.Grant.IsGranted(HelperIds.GpioWrite));
            Assert.IsFalse(acme.Grant.IsGranted(HelperIds.Print));
            Assert.AreEqual((int)PinDriveMode.Output, (int)acme.FindPin(RuntimeRig.GrantedPin).Mode);
            Assert.IsNull(acme.FindPin(RuntimeRig.UngrantedPin));
            Assert.AreEqual(65536, acme.Limits.RamBytes);
            Assert.AreEqual(1000, acme.Limits.InstructionsPerRun);
            Assert.AreEqual(TenantPolicy.DefaultEventQueueDepth, acme.Limits.EventQueueDepth, "optional limits get defaults");
            Assert.IsFalse(acme.SignedInvokes, "invocations need no signature unless the policy says so");
        }

        [TestMethod]
        public void SignedInvokesFlagIsRead()
        {
            PolicyParseResult parsed = PolicyParser.Parse(Open + "\"signedInvokes\": true, " + Limits + Close);
            Assert.IsTrue(parsed.Ok, parsed.ToString());
            Assert.IsTrue(parsed.Tenants[0].SignedInvokes);
        }

        [TestMethod]
        [DataRow("{\"tenants\": [{\"id\": \"Acme\", \"helpers\": [], " + Limits + Close, "tenants[0].id")]
        [DataRow("{\"tenants\": [{\"id\": \"acme\", \"helpers\": [\"teleport\"], " + Limits + Close, "tenants[0].helpers[0]")]
        [DataRow(Open + "\"pins\": [{\"pin\": 2, \"mode\": \"sideways\"}], " + Limits + Close, "tenants[0].pins[0].mode")]
        [DataRow(Open + "\"colour\": \"red\", " + Limits + Close, "tenants[0].colour")]
        [DataRow(Open + "\"signedInvokes\": 1, " + Limits + Close, "tenants[0].signedInvokes")]
        [DataRow("{\"tenants\": [{\"id\": \"acme\", \"helpers\": [], \"limits\": 3}]}", "tenants[0].limits")]
        [DataRow(Open + "\"limits\": {\"maxContainers\": 1, \"maxImageBytes\": 512, \"ramBytes\": -5, "
            + "\"instructionsPerRun\": 100, \"branchesPerRun\": 10, \"runsPerSecond\": 5, \"helperCallsPerSecond\": 50}" + Close,
            "tenants[0].limits.ramBytes")]
        [DataRow("{\"tenants\": [],}", "$")]
        [DataRow("{\"tenants\": [{\"id\": \"a\", \"helpers\": [], \"pins\": [{\"pin\": 2, \"mode\": \"output\"}], " + Limits + "}, "
            + "{\"id\": \"b\", \"helpers\": [], \"pins\": [{\"pin\": 2, \"mode\": \"output\"}], " + Limits + "}]}",
            "tenants[1].pins[0].pin")]
        public void BadDocumentIsRefusedWithItsField(string document, string field)
        {
            PolicyParseResult parsed = PolicyParser.Parse(document);
            Assert.IsFalse(parsed.Ok, "accepted: " + document);
            Assert.IsNull(parsed.Tenants);
            Assert.AreEqual(field, parsed.Field, parsed.Reason);
            Assert.IsTrue(parsed.Reason.Length > 0, "a refusal says why");
        }

        [TestMethod]
        public void EveryErrorIsReportedInOnePass()
        {
            PolicyParseResult parsed = PolicyParser.Parse("{\"tenants\": [{\"id\": \"Acme\", \"helpers\": [\"teleport\"], "
                + "\"pins\": [{\"pin\": 2, \"mode\": \"sideways\"}], \"limits\": {\"ramBytes\": -5, \"Eventqueue\": 2}}]}");
            Assert.IsFalse(parsed.Ok);
            string[] expected = new string[]
            {
                "tenants[0].id", "tenants[0].helpers[0]", "tenants[0].pins[0].mode", "tenants[0].limits.Eventqueue", "tenants[0].limits.ramBytes",
            };
            Assert.AreEqual(expected.Length, parsed.ErrorCount, parsed.ToString());
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], parsed.ErrorAt(i).Path, parsed.ToString());
            }
            Assert.Contains("did you mean \"eventQueue\"?", parsed.ErrorAt(3).Reason);
        }

        [TestMethod]
        public void ATenantWithOnlyAnIdGetsEveryDefault()
        {
            PolicyParseResult parsed = PolicyParser.Parse("{\"tenants\": [{\"id\": \"solo\"}]}");
            Assert.IsTrue(parsed.Ok, parsed.ToString());
            TenantLimits l = parsed.Tenants[0].Limits;
            Assert.AreEqual(0, parsed.Tenants[0].HelperIds.Length);
            Assert.AreEqual(LimitRange.MaxContainers.Default, l.MaxContainers);
            Assert.AreEqual(LimitRange.MaxImageBytes.Default, l.MaxImageBytes);
            Assert.AreEqual(LimitRange.RamBytes.Default, l.RamBytes);
            Assert.AreEqual(LimitRange.InstructionsPerRun.Default, l.InstructionsPerRun);
            Assert.AreEqual(LimitRange.BranchesPerRun.Default, l.BranchesPerRun);
            Assert.AreEqual(LimitRange.RunsPerSecond.Default, l.RunsPerSecond);
            Assert.AreEqual(LimitRange.RunsPerSecond.Default, l.OutsideRunsPerSecond, "outside runs default to runsPerSecond");
            Assert.AreEqual(LimitRange.HelperCallsPerSecond.Default, l.HelperCallsPerSecond);
            Assert.AreEqual(LimitRange.PayloadBytes.Default, l.PayloadBytes);
        }

        [TestMethod]
        public void ProvisioningAnotherTenantOnADrivenPinIsRefused()
        {
            RuntimeRig rig = new RuntimeRig(null);
            PolicyParseResult other = PolicyParser.Parse(
                "{\"tenants\": [{\"id\": \"globex\", \"helpers\": [], \"pins\": [{\"pin\": 2, \"mode\": \"output\"}], " + Limits + Close);
            Assert.IsTrue(other.Ok, other.ToString());
            string refusal = rig.Runtime.Provision(other.Tenants);
            Assert.IsNotNull(refusal);
            Assert.Contains("pin 2", refusal);
            Assert.IsNull(rig.Runtime.FindTenant("globex"));
        }

        [TestMethod]
        public void TenantWithContainersKeepsItsPolicy()
        {
            RuntimeRig rig = new RuntimeRig(null);
            rig.InstallAndStart("probe", Programs.ReturnHookParameter(), null);
            PolicyParseResult again = PolicyParser.Parse(RuntimeRig.Policy);
            Assert.IsNotNull(rig.Runtime.Provision(again.Tenants));
            Assert.AreNotSame(again.Tenants[0], rig.Runtime.FindTenant(RuntimeRig.Tenant).Policy);
        }
    }
}
