using nanoFramework.TestFramework;
using WasmBox.Nano.Crypto.NfTests;

namespace WasmBox.Nano.Conformance.NfTests
{
    /// <summary>The conformance helpers at their edges, on the device build (the corpus itself is generated at test time).</summary>
    [TestClass]
    public class HelperTests
    {
        [TestMethod]
        [DataRow(0UL, 0UL)]
        [DataRow(1UL, 1UL)]
        [DataRow(15UL, 3UL)]
        [DataRow(16UL, 4UL)]
        [DataRow(0xFFFFFFFFFFFFFFFFUL, 0xFFFFFFFFUL)]
        [DataRow(0xFFFFFFFE00000001UL, 0xFFFFFFFFUL)]
        [DataRow(0xFFFFFFFE00000000UL, 0xFFFFFFFEUL)]
        public void Integer_square_root_is_the_floor(ulong value, ulong root)
        {
            Assert.AreEqual(root, ConformanceHelpers.IntegerSquareRoot(value));
        }

        // sqrti(a) then exit: mov r1, a; call 3; exit.
        [TestMethod]
        public void Sqrti_through_the_vm()
        {
            ConformanceProgram.ExpectResult("b701000051000000" + "8500000003000000" + "9500000000000000", "", 9UL);
        }

        // strcmp_ext of "ab" and "b" (memory "ab\0b\0"): r1 = mem, r2 = mem + 3; a - b = -1 as 64 bits.
        [TestMethod]
        public void Strcmp_sign_is_sign_extended_to_64_bits()
        {
            ConformanceProgram.ExpectResult("bf12000000000000" + "0702000003000000" + "8500000004000000" + "9500000000000000",
                "6162006200", 0xFFFFFFFFFFFFFFFFUL);
        }

        // memfrob over more bytes than the input holds faults instead of writing past it.
        [TestMethod]
        public void Memfrob_past_the_input_faults()
        {
            ConformanceProgram.ExpectError("b702000006000000" + "8500000001000000" + "9500000000000000", "0102030405");
        }

        [TestMethod]
        public void Unwind_zero_ends_the_program_with_zero()
        {
            // mov r0, 7; mov r1, 0; call 5; mov r0, 9; exit
            ConformanceProgram.ExpectResult("b700000007000000" + "b701000000000000" + "8500000005000000" + "b700000009000000" + "9500000000000000",
                "", 0UL);
        }
    }
}
