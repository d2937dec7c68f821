using nanoFramework.TestFramework;
using WasmBox.Nano.Bundle.NfTests;
using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Protocol.Logs;
using WasmBox.Nano.Protocol.Policies;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.NfTests;
using WasmBox.Nano.Update;
using WasmBox.Nano.Update.NfTests;
using WasmBox.Nano.Update.Policies;

namespace WasmBox.Nano.Protocol.NfTests
{
    /// <summary>
    /// The board's policy channel on MQTT (<see cref="PolicyMqtt"/> over a recording transport) with
    /// real owner-signed policy bundles: the retained list, the result and event of an install, replay
    /// and a tenant's signature refused without touching the list, removal; and the decisions that
    /// reach the tenant's log queue and telemetry.
    /// </summary>
    [TestClass]
    public class PolicyChannelTests
    {
        private const string Device = "nftest-board";
        private const string PolicyTopic = "wbx/nftest-board/policy";
        private const string ResultTopic = "wbx/nftest-board/policy/result";
        private const string ListTopic = "wbx/nftest-board/policies";
        private const string EventsTopic = "wbx/nftest-board/events";
        private const string EmptyList = "{\"device\":\"nftest-board\",\"policies\":[]}";
        private const string GuardList = "{\"device\":\"nftest-board\",\"policies\":[{\"name\":\"guard\",\"sequence\":1,"
            + "\"helpers\":[\"gpio_write\"],\"tenants\":[],\"budget\":64}]}";

        /// <summary>A runtime with acme's pin-driving container, a device service with the policy channel, its MQTT side started.</summary>
        private sealed class Board
        {
            public RuntimeRig Rig;
            public Container Driver;
            public RecordingTransport Transport = new RecordingTransport();

            public static Board Start()
            {
                Board b = new Board();
                b.Rig = new RuntimeRig(null);
                b.Driver = b.Rig.InstallAndStart("driver", Programs.DrivePinHigh(RuntimeRig.GrantedPin), RuntimeRig.OutputPin(RuntimeRig.GrantedPin));
                MemoryStorage drive = new MemoryStorage();
                UpdateManager updates = new UpdateManager(b.Rig.Runtime, drive,
                    new OneTenantKeyring(RuntimeRig.Tenant, SignedArtifacts.Bytes(SignedArtifacts.AcmeKey)));
                DeviceService service = new DeviceService(Device, "nftest", b.Rig.Runtime, updates, null);
                service.Policies = new PolicyChannel(new PolicyInstaller(b.Rig.Runtime, drive, SignedArtifacts.Bytes(SignedPolicies.OwnerKey)), 4096);
                new PolicyMqtt(service, b.Transport).Start();
                return b;
            }

            /// <summary>Delivers the signed hex on the policy topic; returns the result JSON.</summary>
            public string Send(string hex)
            {
                Transport.Deliver(PolicyTopic, SignedArtifacts.Bytes(hex));
                return Transport.Last(ResultTopic).Text;
            }
        }

        private static string Result(string hex, string status, string refusalAndReason, string name, int sequence)
        {
            return "{\"op\":\"policy\",\"bytes\":" + SignedArtifacts.Bytes(hex).Length + ",\"ok\":" + (status == "refused" ? "false" : "true")
                + ",\"status\":\"" + status + "\"," + refusalAndReason + ",\"name\":\"" + name + "\",\"sequence\":" + sequence + "}";
        }

        [TestMethod]
        public void StartSubscribesAndRetainsTheEmptyList()
        {
            Board b = Board.Start();
            Assert.IsTrue(b.Transport.IsSubscribed(PolicyTopic));
            Published list = b.Transport.Last(ListTopic);
            Assert.AreEqual(EmptyList, list.Text);
            Assert.IsTrue(list.Retained, "retained");
        }

        [TestMethod]
        public void AnOwnerSignedPolicyIsAnsweredListedAndReportedAndDecidesAtOnce()
        {
            Board b = Board.Start();
            Assert.AreEqual(Result(SignedPolicies.GuardV1, "installed", "\"refusal\":null,\"reason\":null", "guard", 1), b.Send(SignedPolicies.GuardV1));
            Assert.AreEqual(GuardList, b.Transport.Last(ListTopic).Text);
            Assert.IsTrue(b.Transport.Last(EventsTopic).Text.IndexOf("\"kind\":\"policy\",") > 0, b.Transport.Last(EventsTopic).Text);
            b.Rig.Beat(1000);
            Assert.AreEqual(0xFFFFFFFFFFFFFFF0UL, b.Driver.LastResult, "the running container gets the policy's -EBUSY");
            Assert.IsFalse(b.Rig.Board.FakeGpio.Read(RuntimeRig.GrantedPin));
        }

        [TestMethod]
        public void AReplayAndATenantsSignatureAreRefusedAndTheListStays()
        {
            Board b = Board.Start();
            b.Send(SignedPolicies.GuardV1);
            int lists = b.Transport.Count(ListTopic);
            Assert.AreEqual(Result(SignedPolicies.GuardV1, "refused",
                "\"refusal\":\"replay\",\"reason\":\"policy guard sequence 1 is not above the installed 1\"", "guard", 1), b.Send(SignedPolicies.GuardV1));
            string byTenant = b.Send(SignedPolicies.GuardByTenant);
            Assert.IsTrue(byTenant.IndexOf("\"refusal\":\"bad-signature\"") > 0, byTenant);
            Assert.AreEqual(lists, b.Transport.Count(ListTopic), "no refusal republishes the list");
            Assert.AreEqual(1L, b.Rig.Runtime.Services.Policies.Find("guard").Sequence);
        }

        [TestMethod]
        public void ARemovalEmptiesTheListAndTheContainerRunsFreeAgain()
        {
            Board b = Board.Start();
            b.Send(SignedPolicies.GuardV1);
            Assert.AreEqual(Result(SignedPolicies.GuardRemoval3, "removed", "\"refusal\":null,\"reason\":null", "guard", 3),
                b.Send(SignedPolicies.GuardRemoval3));
            Assert.AreEqual(EmptyList, b.Transport.Last(ListTopic).Text);
            b.Rig.Beat(1000);
            Assert.AreEqual(0UL, b.Driver.LastResult);
            Assert.IsTrue(b.Rig.Board.FakeGpio.Read(RuntimeRig.GrantedPin));
        }

        [TestMethod]
        public void AnEmptyOrOversizedMessageIsRefusedWithItsReason()
        {
            Board b = Board.Start();
            b.Transport.Deliver(PolicyTopic, null);
            Assert.IsTrue(b.Transport.Last(ResultTopic).Text.IndexOf("\"refusal\":\"malformed\"") > 0, b.Transport.Last(ResultTopic).Text);
            b.Transport.Deliver(PolicyTopic, new byte[5000]);
            Assert.IsTrue(b.Transport.Last(ResultTopic).Text.IndexOf("\"bytes\":5000,\"ok\":false,\"status\":\"refused\",\"refusal\":\"too-large\"") > 0,
                b.Transport.Last(ResultTopic).Text);
        }

        [TestMethod]
        public void ADenialBecomesOneLineASecondInTheTenantsLog()
        {
            Board b = Board.Start();
            TenantLogQueue queue = new TenantLogQueue();
            b.Rig.Runtime.Monitor.AddListener(new PolicyDecisionLog(queue));
            b.Send(SignedPolicies.GuardV1);
            b.Rig.Beat(1000);
            b.Rig.Beat(100);
            TenantLogLine line = new TenantLogLine();
            Assert.IsTrue(queue.TryTake(line));
            Assert.AreEqual(RuntimeRig.Tenant, line.Tenant);
            Assert.AreEqual("driver", line.Container);
            Assert.IsTrue(line.Text.IndexOf("policy guard denied gpio_write") == 0, line.Text);
            Assert.IsFalse(queue.TryTake(line), "the second denial in the same second is counted, not logged");
            b.Rig.Beat(1000);
            Assert.IsTrue(queue.TryTake(line), "the next second's denial is logged");
            Assert.IsTrue(line.Text.IndexOf("(3 so far)") > 0, line.Text);
        }

        [TestMethod]
        public void TelemetryCarriesEachPolicysDecisionsAndEventsHaveTheirNames()
        {
            Board b = Board.Start();
            b.Send(SignedPolicies.GuardV1);
            b.Rig.Beat(1000);
            byte[] json = ProtocolJson.Telemetry(Device, 5, 1, -1, new InstalledFunction[0], b.Rig.Runtime.Services.Policies.Installed);
            string text = WasmBox.Nano.Cbor.Utf8.Decode(json, 0, json.Length);
            Assert.AreEqual("{\"device\":\"nftest-board\",\"uptimeMs\":5,\"events\":1,\"functions\":[],"
                + "\"policies\":[{\"name\":\"guard\",\"allowed\":0,\"denied\":1,\"faulted\":0}]}", text);
            Assert.AreEqual("policy-denied", ProtocolNames.Of(RuntimeEventKind.PolicyDenied));
            Assert.AreEqual("policy-fault", ProtocolNames.Of(RuntimeEventKind.PolicyFault));
        }
    }
}
