using System.Collections;
using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>A function's printed line reaches the runtime's tenant output (what the device agent publishes), with its container.</summary>
    [TestClass]
    public class TenantOutputTests
    {
        private const string PrintOnly =
            "{\"tenants\": [{\"id\": \"acme\", \"helpers\": [\"print\"], "
            + "\"limits\": {\"maxContainers\": 1, \"maxImageBytes\": 1024, \"ramBytes\": 65536, \"instructionsPerRun\": 100, "
            + "\"branchesPerRun\": 10, \"runsPerSecond\": 10, \"helperCallsPerSecond\": 10}}]}";

        [TestMethod]
        public void A_printed_line_reaches_the_tenant_output_with_its_container()
        {
            RuntimeRig rig = new RuntimeRig(null, PrintOnly);
            Recorder recorder = new Recorder();
            rig.Runtime.Services.TenantOutput = recorder;
            Container talker = rig.InstallAndStart("talker", PrintHi(), null);

            rig.Beat(RuntimeRig.TimerPeriodMs);

            Assert.AreEqual(1, recorder.Lines.Count);
            Assert.AreEqual("acme/talker: hi", (string)recorder.Lines[0]);
            Assert.AreEqual(1L, talker.Counters.Runs);
        }

        /// <summary>print("hi") from a string stored on the stack; returns 0.</summary>
        private static byte[] PrintHi()
        {
            return new WasmBox.Nano.Vm.NfTests.ProgramBuilder()
                .Store(0x62, 10, -8, 0x6968) // "hi\0\0"
                .MovReg(1, 10)
                .Alu(0x07, 1, -8)
                .CallHelper(HelperIds.Print)
                .Mov(0, 0)
                .Exit()
                .ToArray();
        }

        private sealed class Recorder : ITenantOutput
        {
            public readonly ArrayList Lines = new ArrayList();

            public void OnLine(Container container, string line)
            {
                Lines.Add(container.Tenant.Id + "/" + container.Name + ": " + line);
            }
        }
    }
}
