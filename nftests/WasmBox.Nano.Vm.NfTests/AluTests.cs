using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// ALU64/ALU32 semantics (RFC 9669): wrap-around, 32-bit results zero-extended, immediates
    /// sign-extended, shift counts masked, division by zero without a trap.
    /// </summary>
    [TestClass]
    public class AluTests
    {
        /// <summary>r0 = r1; r0 = r0 op r2; exit — operands arrive as run arguments.</summary>
        private static ulong RunBinary(int opcode, ulong a, ulong b)
        {
            ProgramBuilder p = new ProgramBuilder().MovReg(0, 1).AluReg(opcode, 0, 2).Exit();
            return TestVm.RunToExit(p, a, b);
        }

        [TestMethod]
        [DataRow(Opcodes.Add64X, 0xFFFFFFFFFFFFFFFFUL, 2UL, 1UL)]
        [DataRow(Opcodes.Sub64X, 0UL, 1UL, 0xFFFFFFFFFFFFFFFFUL)]
        [DataRow(Opcodes.Mul64X, 0x100000000UL, 0x100000000UL, 0UL)]
        [DataRow(Opcodes.Div64X, 7UL, 0UL, 0UL)]
        [DataRow(Opcodes.Mod64X, 7UL, 0UL, 7UL)]
        [DataRow(Opcodes.Div32X, 0xFFFFFFFF00000009UL, 0UL, 0UL)]
        [DataRow(Opcodes.Mod32X, 0xAAAAAAAA00000007UL, 0UL, 7UL)]
        [DataRow(Opcodes.Lsh64X, 1UL, 65UL, 2UL)]
        [DataRow(Opcodes.Rsh32X, 0x80000000UL, 33UL, 0x40000000UL)]
        [DataRow(Opcodes.Arsh64X, 0x8000000000000000UL, 63UL, 0xFFFFFFFFFFFFFFFFUL)]
        [DataRow(Opcodes.Arsh32X, 0x0000000080000000UL, 31UL, 0x00000000FFFFFFFFUL)]
        public void BinaryOperationWithRegisterOperand(int opcode, ulong a, ulong b, ulong expected)
        {
            Assert.AreEqual(expected, RunBinary(opcode, a, b));
        }

        [TestMethod]
        public void Alu32ResultClearsUpperHalf()
        {
            ProgramBuilder add = new ProgramBuilder().MovReg(0, 1).Alu(Opcodes.Add32K, 0, 1).Exit();
            Assert.AreEqual(0UL, TestVm.RunToExit(add, 0xFFFFFFFFFFFFFFFFUL, 0));

            ProgramBuilder mov = new ProgramBuilder().Mov(0, 7).Alu(Opcodes.Mov32K, 0, -1).Exit();
            Assert.AreEqual(0x00000000FFFFFFFFUL, TestVm.RunToExit(mov, 0, 0));
        }

        [TestMethod]
        public void Alu64ImmediateIsSignExtended()
        {
            ProgramBuilder mov = new ProgramBuilder().Mov(0, -1).Exit();
            Assert.AreEqual(0xFFFFFFFFFFFFFFFFUL, TestVm.RunToExit(mov, 0, 0));

            ProgramBuilder and = new ProgramBuilder().MovReg(0, 1).Alu(Opcodes.And64K, 0, -16).Exit();
            Assert.AreEqual(0x123456789ABCDEF0UL, TestVm.RunToExit(and, 0x123456789ABCDEFFUL, 0));
        }

        [TestMethod]
        public void ShiftImmediateIsMaskedToOperandWidth()
        {
            ProgramBuilder p = new ProgramBuilder().Mov(0, 1).Alu(Opcodes.Lsh64K, 0, 68).Exit();
            Assert.AreEqual(16UL, TestVm.RunToExit(p, 0, 0));

            ProgramBuilder p32 = new ProgramBuilder().Mov(0, 1).Alu(Opcodes.Lsh32K, 0, 36).Exit();
            Assert.AreEqual(16UL, TestVm.RunToExit(p32, 0, 0));
        }

        [TestMethod]
        public void NegateIn64And32Bits()
        {
            ProgramBuilder neg64 = new ProgramBuilder().Mov(0, 5).Alu(Opcodes.Neg64, 0, 0).Exit();
            Assert.AreEqual(0xFFFFFFFFFFFFFFFBUL, TestVm.RunToExit(neg64, 0, 0));

            ProgramBuilder neg32 = new ProgramBuilder().Mov(0, 5).Alu(Opcodes.Neg32, 0, 0).Exit();
            Assert.AreEqual(0x00000000FFFFFFFBUL, TestVm.RunToExit(neg32, 0, 0));
        }
    }
}
