using nanoFramework.TestFramework;
using WasmBox.Nano.Runtime.Helpers;

namespace WasmBox.Nano.Runtime.NfTests
{
    /// <summary>
    /// print/fmt number formatting at the edges, with values read from a ulong[] the way the helpers get
    /// registers: on nanoCLR such a value keeps an unsigned type tag through a (long) cast, which turns a
    /// % into an unsigned remainder (../shared/nanoclr/README.md).
    /// </summary>
    [TestClass]
    public class NumberFormattingTests
    {
        private static readonly ulong[] Registers = new ulong[] { 0x8000000000000000UL, 0xFFFFFFFFFFFFFFD6UL, 0xFFFFFFFFFFFFFFFFUL };

        [TestMethod]
        public void Signed_values_from_registers_print_in_decimal()
        {
            Assert.AreEqual("-9223372036854775808", Signed(Registers[0]));
            Assert.AreEqual("-42", Signed(Registers[1]));
            Assert.AreEqual("-1", Signed(Registers[2]));
        }

        [TestMethod]
        public void Unsigned_values_print_in_every_radix()
        {
            LineBuilder b = new LineBuilder(LineBuilder.DefaultCapacity);
            b.AppendUnsigned(Registers[2], 10, false, 0, false);
            b.Append(' ');
            b.AppendUnsigned(Registers[0], 16, true, 0, false);
            b.Append(' ');
            b.AppendUnsigned(7UL, 10, false, 4, true);
            Assert.AreEqual("18446744073709551615 8000000000000000 0007", b.ToString());
        }

        private static string Signed(ulong register)
        {
            LineBuilder b = new LineBuilder(LineBuilder.DefaultCapacity);
            b.AppendSigned((long)register, 0, false);
            return b.ToString();
        }
    }
}
