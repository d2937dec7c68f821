using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// Pre-flight verifier refusals: each names the reason and the instruction index, so a
    /// tenant learns at install time why a function cannot run.
    /// </summary>
    [TestClass]
    public class VerifierTests
    {
        private static HelperTable s_oneHelper;

        [Setup]
        public void RegisterSumHelper()
        {
            s_oneHelper = new HelperTable();
            s_oneHelper.Register(SumHelper.Id, new SumHelper());
        }

        [Cleanup]
        public void DropSumHelper()
        {
            s_oneHelper = null;
        }

        [TestMethod]
        [DataRow(Opcodes.Mov64K, 0, 0)]
        [DataRow(Opcodes.Add32X, 1, 0)]
        [DataRow(Opcodes.LdxW, 1, 0)]
        [DataRow(Opcodes.Neg64, 0, 0)]
        [DataRow(Opcodes.Be, 0, 16)]
        public void RefusesWritesToTheFramePointer(int opcode, int src, int imm)
        {
            byte[] code = new ProgramBuilder().Mov(0, 0).Raw(opcode, 10, src, 0, imm).Exit().ToArray();
            VerifyResult result = TestVm.AssertRefused(code, null, VerifyError.WritesFrameRegister);
            Assert.AreEqual(1, result.Index);
            Assert.AreEqual(opcode, result.Opcode);
        }

        [TestMethod]
        public void AcceptsStoresThroughTheFramePointer()
        {
            byte[] code = new ProgramBuilder().Store(Opcodes.StDw, 10, -8, 1).Exit().ToArray();
            Assert.IsTrue(TestVm.Verify(code, null).Ok);
        }

        [TestMethod]
        [DataRow(0x00)]
        [DataRow(0xff)]
        [DataRow(0x8d)]
        [DataRow(0xdb)]
        [DataRow(0xf5)]
        public void RefusesUnknownOpcodes(int opcode)
        {
            byte[] code = new ProgramBuilder().Raw(opcode, 0, 0, 0, 0).Exit().ToArray();
            VerifyResult result = TestVm.AssertRefused(code, null, VerifyError.UnknownOpcode);
            Assert.AreEqual(0, result.Index);
        }

        [TestMethod]
        public void RefusesJumpsLeavingTheProgram()
        {
            TestVm.AssertRefused(new ProgramBuilder().Ja(1).Exit().ToArray(), null, VerifyError.JumpOutOfRange);
            TestVm.AssertRefused(new ProgramBuilder().Mov(0, 0).Ja(-3).ToArray(), null, VerifyError.JumpOutOfRange);
            TestVm.AssertRefused(new ProgramBuilder().CallLocal(5).Exit().ToArray(), null, VerifyError.BadCallTarget);
        }

        [TestMethod]
        public void RefusesJumpIntoTheSecondHalfOfLddw()
        {
            byte[] code = new ProgramBuilder().Ja(1).Lddw(0, 1).Exit().ToArray();
            VerifyResult result = TestVm.AssertRefused(code, null, VerifyError.JumpIntoLddw);
            Assert.AreEqual(0, result.Index);
        }

        [TestMethod]
        public void RefusesTruncatedPrograms()
        {
            byte[] whole = new ProgramBuilder().Mov(0, 0).Exit().ToArray();
            byte[] cut = new byte[whole.Length - 4];
            System.Array.Copy(whole, cut, cut.Length);
            TestVm.AssertRefused(cut, null, VerifyError.LengthNotMultipleOf8);

            byte[] lddwAtEnd = new ProgramBuilder().Exit().Raw(Opcodes.Lddw, 0, 0, 0, 1).ToArray();
            TestVm.AssertRefused(lddwAtEnd, null, VerifyError.IncompleteLddw);

            TestVm.AssertRefused(new byte[0], null, VerifyError.Empty);
            TestVm.AssertRefused(new ProgramBuilder().Mov(0, 0).ToArray(), null, VerifyError.FallsOffEnd);
        }

        [TestMethod]
        public void RefusesAFunctionThatFallsIntoTheNext()
        {
            // mov r0, 1; call local next; next: exit -- the main function has no exit of its own.
            byte[] code = new ProgramBuilder().Mov(0, 1).CallLocal(0).Exit().ToArray();
            VerifyResult result = TestVm.AssertRefused(code, null, VerifyError.FallsOffEnd);
            Assert.AreEqual(1, result.Index);
            Assert.Contains("instruction 1", result.Message);
        }

        [TestMethod]
        public void RefusesAJumpOutOfItsFunction()
        {
            // call local f; exit; f: jeq r1, 0, -2 (back into main); exit
            byte[] code = new ProgramBuilder().CallLocal(1).Exit().Jump(Opcodes.JeqK, 1, 0, -2).Exit().ToArray();
            VerifyResult result = TestVm.AssertRefused(code, null, VerifyError.JumpLeavesFunction);
            Assert.AreEqual(2, result.Index);
        }

        [TestMethod]
        public void RefusesALocalCallIntoTheMiddleOfAFunction()
        {
            // mov r0, 1; jeq r0, 0, +1; call local -2 (into the jeq); exit -- splits main at 1.
            byte[] code = new ProgramBuilder().Mov(0, 1).Jump(Opcodes.JeqK, 0, 0, 1).CallLocal(-2).Exit().ToArray();
            VerifyResult result = TestVm.AssertRefused(code, null, VerifyError.FallsOffEnd);
            Assert.AreEqual(0, result.Index);
        }

        [TestMethod]
        public void RefusesUnknownAndUngrantedHelpers()
        {
            byte[] unknown = new ProgramBuilder().Mov(0, 0).CallHelper(99).Exit().ToArray();
            VerifyResult result = TestVm.AssertRefused(unknown, s_oneHelper, VerifyError.UnknownHelper);
            Assert.AreEqual(1, result.Index);
            Assert.Contains("99", result.Message);

            VerifierOptions options = new VerifierOptions();
            options.Helpers = s_oneHelper;
            options.Grant = new HelperGrant(new int[0]);
            VerifyResult denied = Verifier.Verify(new ProgramBuilder().CallHelper(SumHelper.Id).Exit().ToArray(), options);
            Assert.AreEqual((int)VerifyError.HelperNotGranted, (int)denied.Error, denied.Message);
        }

        [TestMethod]
        public void RefusesRegistersAboveR10AndOversizedPrograms()
        {
            TestVm.AssertRefused(new ProgramBuilder().Mov(11, 0).Exit().ToArray(), null, VerifyError.BadRegister);

            VerifierOptions options = new VerifierOptions();
            options.MaxInstructions = 2;
            VerifyResult tooLarge = Verifier.Verify(new ProgramBuilder().Mov(0, 0).Mov(0, 1).Exit().ToArray(), options);
            Assert.AreEqual((int)VerifyError.TooLarge, (int)tooLarge.Error, tooLarge.Message);
        }

        [TestMethod]
        public void ErrorMessageNamesTheInstructionAndOpcode()
        {
            byte[] code = new ProgramBuilder().Mov(0, 0).Mov(1, 0).MovReg(10, 1).Exit().ToArray();
            VerifyResult result = TestVm.AssertRefused(code, null, VerifyError.WritesFrameRegister);
            Assert.StartsWith("instruction 2 (opcode 0xbf)", result.Message);
            Assert.IsNull(result.Program);
        }
    }
}
