using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// Signed division and modulo (offset 1), sign-extending moves and loads, and signed
    /// versus unsigned comparisons.
    /// </summary>
    [TestClass]
    public class SignedArithmeticTests
    {
        [TestMethod]
        [DataRow(Opcodes.Div64X, -7L, 2L, -3L)]
        [DataRow(Opcodes.Mod64X, -7L, 2L, -1L)]
        [DataRow(Opcodes.Div64X, long.MinValue, -1L, long.MinValue)]
        [DataRow(Opcodes.Mod64X, long.MinValue, -1L, 0L)]
        [DataRow(Opcodes.Div64X, -7L, 0L, 0L)]
        [DataRow(Opcodes.Div32X, -8L, 3L, 0x00000000FFFFFFFEL)]
        [DataRow(Opcodes.Div32X, (long)int.MinValue, -1L, 0x0000000080000000L)]
        public void SignedDivisionAndModulo(int opcode, long a, long b, long expected)
        {
            ProgramBuilder p = new ProgramBuilder().MovReg(0, 1).Raw(opcode, 0, 2, 1, 0).Exit();
            Assert.AreEqual(expected, (long)TestVm.RunToExit(p, (ulong)a, (ulong)b));
        }

        [TestMethod]
        [DataRow(Opcodes.Mov64X, 8, 0x80UL, 0xFFFFFFFFFFFFFF80UL)]
        [DataRow(Opcodes.Mov64X, 16, 0x7FFFUL, 0x7FFFUL)]
        [DataRow(Opcodes.Mov64X, 32, 0x1280000000UL, 0xFFFFFFFF80000000UL)]
        [DataRow(Opcodes.Mov32X, 8, 0xFFUL, 0x00000000FFFFFFFFUL)]
        [DataRow(Opcodes.Mov32X, 16, 0xFFFFFFFF00008000UL, 0x00000000FFFF8000UL)]
        public void SignExtendingMove(int opcode, int fromBits, ulong input, ulong expected)
        {
            ProgramBuilder p = new ProgramBuilder().Raw(opcode, 0, 1, fromBits, 0).Exit();
            Assert.AreEqual(expected, TestVm.RunToExit(p, input, 0));
        }

        [TestMethod]
        public void SignExtendingLoadsDifferFromPlainLoads()
        {
            byte[] context = new byte[] { 0x80, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x80 };
            Assert.AreEqual(0xFFFFFFFFFFFFFF80UL, TestVm.LoadFromContext(context, Opcodes.LdxSb, 0));
            Assert.AreEqual(0x80UL, TestVm.LoadFromContext(context, Opcodes.LdxB, 0));
            Assert.AreEqual(0xFFFFFFFFFFFFFFFFUL, TestVm.LoadFromContext(context, Opcodes.LdxSh, 2));
            Assert.AreEqual(0xFFFFUL, TestVm.LoadFromContext(context, Opcodes.LdxH, 2));
            Assert.AreEqual(0xFFFFFFFF80000000UL, TestVm.LoadFromContext(context, Opcodes.LdxSw, 4));
            Assert.AreEqual(0x80000000UL, TestVm.LoadFromContext(context, Opcodes.LdxW, 4));
        }

        [TestMethod]
        public void SignedAndUnsignedJumpsDisagreeOnMinusOne()
        {
            // r0 = 1 when the jump is taken, 0 otherwise; r1 = -1.
            Assert.AreEqual(1UL, TakenWithMinusOne(Opcodes.JgtK));
            Assert.AreEqual(0UL, TakenWithMinusOne(Opcodes.JsgtK));
            Assert.AreEqual(1UL, TakenWithMinusOne(Opcodes.JsltK));
            Assert.AreEqual(0UL, TakenWithMinusOne(Opcodes.JltK));
        }

        private static ulong TakenWithMinusOne(int jumpOpcode)
        {
            ProgramBuilder p = new ProgramBuilder()
                .Mov(0, 0)
                .Jump(jumpOpcode, 1, 0, 1)
                .Exit()
                .Mov(0, 1)
                .Exit();
            return TestVm.RunToExit(p, 0xFFFFFFFFFFFFFFFFUL, 0);
        }
    }
}
