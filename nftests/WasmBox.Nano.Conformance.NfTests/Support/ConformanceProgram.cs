using nanoFramework.TestFramework;
using WasmBox.Nano.Crypto.NfTests;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Conformance.NfTests
{
    /// <summary>
    /// Runs one bpf_conformance program the way the conformance plugin does: verified with the harness
    /// helpers, the input memory mapped read-write at the context base with r1 = its address and r2 = its
    /// length (r1 = r2 = 0 without input), default budgets. The corpus tests generated at test time
    /// (tools/WasmBox.Nano.NanoClr) call <see cref="ExpectResult"/> or <see cref="ExpectError"/>.
    /// </summary>
    public static class ConformanceProgram
    {
        /// <summary>Null when the program verified and exited normally (r0 in <paramref name="result"/>),
        /// else why not.</summary>
        public static string Run(byte[] code, byte[] memory, out ulong result)
        {
            result = 0;
            HelperTable helpers = ConformanceHelpers.CreateTable();
            VerifierOptions options = new VerifierOptions();
            options.Helpers = helpers;
            VerifyResult verified = Verifier.Verify(code, options);
            if (!verified.Ok)
            {
                return "verifier: " + verified.Message;
            }
            Vm.Vm vm = new Vm.Vm(verified.Program, helpers, null, Vm.Vm.DefaultStackFrames);
            ulong address = 0;
            if (memory.Length > 0)
            {
                vm.Memory.Map(new MemoryRegion(MemoryRegion.ContextBase, memory, true, true));
                address = MemoryRegion.ContextBase;
            }
            VmStatus status = vm.Run(address, (ulong)memory.Length);
            if (status != VmStatus.Ok)
            {
                return "status " + ((int)status).ToString() + " at instruction " + vm.FaultIndex.ToString();
            }
            result = vm.Result;
            return null;
        }

        public static void ExpectResult(string codeHex, string memoryHex, ulong expected)
        {
            ulong result;
            string failure = Run(TestBytes.FromHex(codeHex), TestBytes.FromHex(memoryHex), out result);
            Assert.IsNull(failure, failure);
            Assert.AreEqual(expected, result, "r0");
        }

        /// <summary>A case whose expected outcome is an error passes when the program is refused or faults.</summary>
        public static void ExpectError(string codeHex, string memoryHex)
        {
            ulong result;
            string failure = Run(TestBytes.FromHex(codeHex), TestBytes.FromHex(memoryHex), out result);
            Assert.IsNotNull(failure, "expected an error, got r0 = 0x" + result.ToString("x"));
        }
    }
}
