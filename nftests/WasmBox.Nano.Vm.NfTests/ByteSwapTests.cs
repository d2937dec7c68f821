using nanoFramework.TestFramework;

namespace WasmBox.Nano.Vm.NfTests
{
    /// <summary>
    /// Byte swaps: <c>be</c> swaps on this little-endian VM, <c>le</c> only truncates, and the
    /// ALU64 <c>bswap</c> swaps unconditionally; all clear the bits above the width.
    /// </summary>
    [TestClass]
    public class ByteSwapTests
    {
        [TestMethod]
        [DataRow(Opcodes.Be, 16, 0x8877UL)]
        [DataRow(Opcodes.Be, 32, 0x88776655UL)]
        [DataRow(Opcodes.Be, 64, 0x8877665544332211UL)]
        [DataRow(Opcodes.Le, 16, 0x7788UL)]
        [DataRow(Opcodes.Le, 32, 0x55667788UL)]
        [DataRow(Opcodes.Bswap, 16, 0x8877UL)]
        [DataRow(Opcodes.Bswap, 64, 0x8877665544332211UL)]
        public void SwapsAndTruncatesToWidth(int opcode, int width, ulong expected)
        {
            ProgramBuilder p = new ProgramBuilder().MovReg(0, 1).Alu(opcode, 0, width).Exit();
            Assert.AreEqual(expected, TestVm.RunToExit(p, 0x1122334455667788UL, 0));
        }
    }
}
