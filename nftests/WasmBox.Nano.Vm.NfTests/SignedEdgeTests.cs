using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// Every signed operation at its edges, with immediate and register operands. nanoCLR picks the
    /// signedness of shr, rem and conv.i8 from the type tag of the stack value, so an interpreter written
    /// the desktop way computes these differently on a board (../shared/nanoclr/README.md); these rows
    /// fail there unless the VM uses tag-independent forms (Signed.cs). Run on nanoCLR by the test command.
    /// </summary>
    [TestClass]
    public class SignedEdgeTests
    {
        private const int Signed = 1; // offset 1 selects sdiv/smod (RFC 9669)

        [TestMethod]
        [DataRow(Opcodes.Arsh64K, 0x8000000000000000UL, 63, 0xFFFFFFFFFFFFFFFFUL)]
        [DataRow(Opcodes.Arsh64K, 0xFFFFFFFFFFFFFFF8UL, 1, 0xFFFFFFFFFFFFFFFCUL)]
        [DataRow(Opcodes.Arsh64K, 0x8000000000000000UL, 0, 0x8000000000000000UL)]
        [DataRow(Opcodes.Arsh64K, 0x7FFFFFFFFFFFFFFFUL, 63, 0UL)]
        [DataRow(Opcodes.Arsh64K, 0x8000000000000000UL, 32, 0xFFFFFFFF80000000UL)]
        [DataRow(Opcodes.Arsh32K, 0x0000000080000000UL, 31, 0x00000000FFFFFFFFUL)]
        [DataRow(Opcodes.Arsh32K, 0xFFFFFFFF00000000UL, 1, 0UL)]
        [DataRow(Opcodes.Arsh32K, 0x00000000FFFFFFF8UL, 1, 0x00000000FFFFFFFCUL)]
        [DataRow(Opcodes.Arsh32K, 0x000000007FFFFFFFUL, 31, 0UL)]
        public void Arithmetic_shift_by_immediate(int opcode, ulong value, int count, ulong expected)
        {
            Assert.AreEqual(expected, Run(new ProgramBuilder().MovReg(0, 1).Alu(opcode, 0, count).Exit(), value, 0));
        }

        [TestMethod]
        [DataRow(Opcodes.Arsh64X, 0x8000000000000000UL, 63UL, 0xFFFFFFFFFFFFFFFFUL)]
        [DataRow(Opcodes.Arsh64X, 0x8000000000000000UL, 65UL, 0xC000000000000000UL)] // count masked to 1
        [DataRow(Opcodes.Arsh64X, 0xFFFFFFFFFFFFFFFFUL, 0xFFFFFFFFFFFFFFFFUL, 0xFFFFFFFFFFFFFFFFUL)]
        [DataRow(Opcodes.Arsh32X, 0x0000000080000000UL, 31UL, 0x00000000FFFFFFFFUL)]
        [DataRow(Opcodes.Arsh32X, 0x0000000080000000UL, 33UL, 0x00000000C0000000UL)] // count masked to 1
        [DataRow(Opcodes.Arsh32X, 0x1234567880000000UL, 4UL, 0x00000000F8000000UL)]
        public void Arithmetic_shift_by_register(int opcode, ulong value, ulong count, ulong expected)
        {
            Assert.AreEqual(expected, Run(new ProgramBuilder().MovReg(0, 1).AluReg(opcode, 0, 2).Exit(), value, count));
        }

        [TestMethod]
        [DataRow(Opcodes.Div64X, 0xFFFFFFFFFFFFFFF9UL, 2UL, 0xFFFFFFFFFFFFFFFDUL)]          // -7 / 2 = -3
        [DataRow(Opcodes.Div64X, 7UL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFDUL)]          // 7 / -2 = -3
        [DataRow(Opcodes.Div64X, 0xFFFFFFFFFFFFFFF9UL, 0xFFFFFFFFFFFFFFFEUL, 3UL)]          // -7 / -2 = 3
        [DataRow(Opcodes.Div64X, 0x8000000000000000UL, 0xFFFFFFFFFFFFFFFFUL, 0x8000000000000000UL)] // MIN / -1 = MIN
        [DataRow(Opcodes.Div64X, 0xFFFFFFFFFFFFFFF9UL, 0UL, 0UL)]                           // by zero = 0
        [DataRow(Opcodes.Mod64X, 0xFFFFFFFFFFFFFFF9UL, 2UL, 0xFFFFFFFFFFFFFFFFUL)]          // -7 % 2 = -1
        [DataRow(Opcodes.Mod64X, 7UL, 0xFFFFFFFFFFFFFFFEUL, 1UL)]                           // 7 % -2 = 1
        [DataRow(Opcodes.Mod64X, 0xFFFFFFFFFFFFFFF9UL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL)] // -7 % -2 = -1
        [DataRow(Opcodes.Mod64X, 0x8000000000000000UL, 0xFFFFFFFFFFFFFFFFUL, 0UL)]          // MIN % -1 = 0
        [DataRow(Opcodes.Mod64X, 0xFFFFFFFFFFFFFFF9UL, 0UL, 0xFFFFFFFFFFFFFFF9UL)]          // by zero: unchanged
        [DataRow(Opcodes.Div32X, 0x00000000FFFFFFF9UL, 2UL, 0x00000000FFFFFFFDUL)]
        [DataRow(Opcodes.Div32X, 0x0000000080000000UL, 0x00000000FFFFFFFFUL, 0x0000000080000000UL)]
        [DataRow(Opcodes.Div32X, 0x00000000FFFFFFF9UL, 0xFFFFFFFF00000000UL, 0UL)]          // low half of divisor is 0
        [DataRow(Opcodes.Mod32X, 0x00000000FFFFFFF9UL, 2UL, 0x00000000FFFFFFFFUL)]
        [DataRow(Opcodes.Mod32X, 7UL, 0x00000000FFFFFFFEUL, 1UL)]
        [DataRow(Opcodes.Mod32X, 0x0000000080000000UL, 0x00000000FFFFFFFFUL, 0UL)]
        [DataRow(Opcodes.Mod32X, 0x12345678FFFFFFF9UL, 0UL, 0x00000000FFFFFFF9UL)]          // by zero: low half, zero-extended
        public void Signed_division_and_modulo_by_register(int opcode, ulong a, ulong b, ulong expected)
        {
            Assert.AreEqual(expected, Run(new ProgramBuilder().MovReg(0, 1).Raw(opcode, 0, 2, Signed, 0).Exit(), a, b));
        }

        [TestMethod]
        [DataRow(Opcodes.Div64K, 0xFFFFFFFFFFFFFFF9UL, 2, 0xFFFFFFFFFFFFFFFDUL)]
        [DataRow(Opcodes.Div64K, 7UL, -2, 0xFFFFFFFFFFFFFFFDUL)]
        [DataRow(Opcodes.Div64K, 0x8000000000000000UL, -1, 0x8000000000000000UL)]
        [DataRow(Opcodes.Mod64K, 0xFFFFFFFFFFFFFFF9UL, 2, 0xFFFFFFFFFFFFFFFFUL)]
        [DataRow(Opcodes.Mod64K, 7UL, -2, 1UL)]
        [DataRow(Opcodes.Mod64K, 0xFFFFFFFFFFFFFFF9UL, -2, 0xFFFFFFFFFFFFFFFFUL)]
        [DataRow(Opcodes.Mod64K, 0x8000000000000000UL, -1, 0UL)]
        [DataRow(Opcodes.Div32K, 0x00000000FFFFFFF9UL, -2, 3UL)]
        [DataRow(Opcodes.Mod32K, 0x00000000FFFFFFF9UL, -2, 0x00000000FFFFFFFFUL)]
        [DataRow(Opcodes.Mod32K, 0x0000000080000000UL, -1, 0UL)]
        public void Signed_division_and_modulo_by_immediate(int opcode, ulong a, int imm, ulong expected)
        {
            Assert.AreEqual(expected, Run(new ProgramBuilder().MovReg(0, 1).Raw(opcode, 0, 0, Signed, imm).Exit(), a, 0));
        }

        // Unsigned modulo by an immediate that sign-extends to a huge divisor: nothing signed may leak in.
        [TestMethod]
        [DataRow(Opcodes.Mod64K, 0xFFFFFFFFFFFFFFFFUL, -3, 2UL)]            // 2^64-1 mod (2^64-3)
        [DataRow(Opcodes.Mod64K, 0xFFFFFFFFFFFFFFF9UL, 2, 1UL)]
        [DataRow(Opcodes.Div64K, 0xFFFFFFFFFFFFFFFFUL, -3, 1UL)]
        [DataRow(Opcodes.Mod32K, 0x00000000FFFFFFFFUL, -3, 2UL)]
        public void Unsigned_division_and_modulo_by_negative_immediate(int opcode, ulong a, int imm, ulong expected)
        {
            Assert.AreEqual(expected, Run(new ProgramBuilder().MovReg(0, 1).Alu(opcode, 0, imm).Exit(), a, 0));
        }

        [TestMethod]
        [DataRow(Opcodes.Mov64K, -1, 0xFFFFFFFFFFFFFFFFUL)]
        [DataRow(Opcodes.Mov64K, int.MinValue, 0xFFFFFFFF80000000UL)]
        [DataRow(Opcodes.Mov64K, int.MaxValue, 0x000000007FFFFFFFUL)]
        [DataRow(Opcodes.Mov32K, -1, 0x00000000FFFFFFFFUL)]
        [DataRow(Opcodes.Add64K, -1, 0xFFFFFFFFFFFFFFFFUL)]
        [DataRow(Opcodes.And64K, -16, 0xFFFFFFFFFFFFFFF0UL)]
        [DataRow(Opcodes.Or64K, int.MinValue, 0xFFFFFFFF80000000UL)]
        public void Immediates_are_sign_extended(int opcode, int imm, ulong expected)
        {
            // r0 starts at 0 (Mov, Add, Or) or all ones (And).
            ulong start = opcode == Opcodes.And64K ? 0xFFFFFFFFFFFFFFFFUL : 0UL;
            Assert.AreEqual(expected, Run(new ProgramBuilder().MovReg(0, 1).Alu(opcode, 0, imm).Exit(), start, 0));
        }

        [TestMethod]
        [DataRow(0x0000000180000000UL)]
        [DataRow(0xFFFFFFFF00000000UL)]
        [DataRow(0x00000000FFFFFFFFUL)]
        [DataRow(0x8000000080000000UL)]
        public void Lddw_halves_are_not_sign_extended(ulong value)
        {
            Assert.AreEqual(value, Run(new ProgramBuilder().Lddw(0, value).Exit(), 0, 0));
        }

        [TestMethod]
        [DataRow(Opcodes.Jslt32K, 0x0000000080000000UL, 0, 1UL)]
        [DataRow(Opcodes.Jlt32K, 0x0000000080000000UL, 0, 0UL)]
        [DataRow(Opcodes.Jsgt32K, 0xFFFFFFFF7FFFFFFFUL, 0, 1UL)]   // only the low half counts
        [DataRow(Opcodes.JsltK, 0x8000000000000000UL, 0, 1UL)]
        [DataRow(Opcodes.JsgtK, 0x0000000080000000UL, int.MinValue, 1UL)]
        [DataRow(Opcodes.JsleK, 0xFFFFFFFF80000000UL, int.MinValue, 1UL)]
        [DataRow(Opcodes.JsgeK, 0xFFFFFFFFFFFFFFFEUL, -1, 0UL)]
        public void Signed_jumps_by_immediate(int opcode, ulong value, int imm, ulong taken)
        {
            ProgramBuilder p = new ProgramBuilder().Mov(0, 0).Jump(opcode, 1, imm, 1).Exit().Mov(0, 1).Exit();
            Assert.AreEqual(taken, Run(p, value, 0));
        }

        [TestMethod]
        [DataRow(Opcodes.JsltX, 0x8000000000000000UL, 0x7FFFFFFFFFFFFFFFUL, 1UL)]
        [DataRow(Opcodes.JltX, 0x8000000000000000UL, 0x7FFFFFFFFFFFFFFFUL, 0UL)]
        [DataRow(Opcodes.Jslt32X, 0x0000000080000000UL, 0x000000007FFFFFFFUL, 1UL)]
        [DataRow(Opcodes.Jsge32X, 0x00000000FFFFFFFFUL, 0x0000000080000000UL, 1UL)]
        public void Signed_jumps_by_register(int opcode, ulong a, ulong b, ulong taken)
        {
            ProgramBuilder p = new ProgramBuilder().Mov(0, 0).JumpReg(opcode, 1, 2, 1).Exit().Mov(0, 1).Exit();
            Assert.AreEqual(taken, Run(p, a, b));
        }

        [TestMethod]
        public void Sign_extending_loads_at_every_width_edge()
        {
            byte[] context = new byte[] { 0x7F, 0xFF, 0x7F, 0x00, 0x80, 0xFF, 0xFF, 0x7F };
            Assert.AreEqual(0x7FUL, TestVm.LoadFromContext(context, Opcodes.LdxSb, 0));
            Assert.AreEqual(0xFFFFFFFFFFFFFFFFUL, TestVm.LoadFromContext(context, Opcodes.LdxSb, 1));
            Assert.AreEqual(0x7FFFUL, TestVm.LoadFromContext(context, Opcodes.LdxSh, 1));
            Assert.AreEqual(0xFFFFFFFFFFFFFF80UL, TestVm.LoadFromContext(context, Opcodes.LdxSh, 4));
            Assert.AreEqual(0xFFFFFFFFFF80007FUL, TestVm.LoadFromContext(context, Opcodes.LdxSw, 2));
            Assert.AreEqual(0x7FFFFF80UL, TestVm.LoadFromContext(context, Opcodes.LdxSw, 4));
        }

        private static ulong Run(ProgramBuilder program, ulong r1, ulong r2)
        {
            return TestVm.RunToExit(program, r1, r2);
        }
    }
}
