using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// Verify-then-run plumbing shared by the test classes. Failures carry the verifier's or
    /// the VM's own description, because nanoFramework prints enums as numbers.
    /// </summary>
    internal static class TestVm
    {
        public static VerifyResult Verify(byte[] code, HelperTable helpers)
        {
            VerifierOptions options = new VerifierOptions();
            options.Helpers = helpers;
            return Verifier.Verify(code, options);
        }

        /// <summary>A VM for a program the verifier must accept.</summary>
        public static Vm Load(byte[] code, HelperTable helpers, HelperGrant grant)
        {
            VerifyResult verified = Verify(code, helpers);
            Assert.IsTrue(verified.Ok, "verifier refused the program: " + verified.Message);
            return new Vm(verified.Program, helpers, grant, Vm.DefaultStackFrames);
        }

        public static Vm Load(ProgramBuilder program)
        {
            return Load(program.ToArray(), null, null);
        }

        /// <summary>Runs with r1 and r2 set, requires a normal exit and returns r0.</summary>
        public static ulong RunToExit(Vm vm, ulong r1, ulong r2)
        {
            VmStatus status = vm.Run(r1, r2);
            Assert.AreEqual(VmStatusText.Describe(VmStatus.Ok), VmStatusText.Describe(status),
                "run stopped at instruction " + vm.FaultIndex);
            return vm.Result;
        }

        public static ulong RunToExit(ProgramBuilder program, ulong r1, ulong r2)
        {
            return RunToExit(Load(program), r1, r2);
        }

        /// <summary>Requires the last run of <paramref name="vm"/> to have ended with <paramref name="expected"/>.</summary>
        public static void AssertStatus(VmStatus expected, Vm vm)
        {
            Assert.AreEqual(VmStatusText.Describe(expected), VmStatusText.Describe(vm.Status),
                "status of the run (fault index " + vm.FaultIndex + ")");
        }

        /// <summary>Requires the verifier to refuse <paramref name="code"/> with <paramref name="expected"/>.</summary>
        public static VerifyResult AssertRefused(byte[] code, HelperTable helpers, VerifyError expected)
        {
            VerifyResult result = Verify(code, helpers);
            Assert.IsFalse(result.Ok, "verifier accepted a program it should refuse");
            Assert.AreEqual((int)expected, (int)result.Error, "verify error; message was: " + result.Message);
            return result;
        }

        /// <summary>Maps <paramref name="bytes"/> as the context region and returns its address.</summary>
        public static ulong MapContext(Vm vm, byte[] bytes, bool writable)
        {
            vm.Memory.Map(new MemoryRegion(MemoryRegion.ContextBase, bytes, true, writable));
            return MemoryRegion.ContextBase;
        }

        /// <summary>Runs one load of <paramref name="opcode"/> at <paramref name="offset"/> into a read-only context holding <paramref name="context"/>; returns r0.</summary>
        public static ulong LoadFromContext(byte[] context, int opcode, int offset)
        {
            Vm vm = Load(new ProgramBuilder().Load(opcode, 0, 1, offset).Exit());
            return RunToExit(vm, MapContext(vm, context, false), 0);
        }
    }
}
