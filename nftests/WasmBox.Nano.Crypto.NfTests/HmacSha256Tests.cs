using nanoFramework.TestFramework;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Crypto.NfTests
{
    /// <summary>HMAC-SHA256 against RFC 4231 test cases 1-4 and 6 (a key longer than a block).</summary>
    [TestClass]
    public class HmacSha256Tests
    {
        [TestMethod]
        [DataRow("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265",
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
        [DataRow("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
        [DataRow("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")]
        [DataRow("0102030405060708090a0b0c0d0e0f10111213141516171819",
            "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd",
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")]
        public void ComputeMatchesRfc4231(string keyHex, string dataHex, string tagHex)
        {
            byte[] data = TestBytes.FromHex(dataHex);
            CollectionAssert.AreEqual(TestBytes.FromHex(tagHex), HmacSha256.Compute(TestBytes.FromHex(keyHex), data, 0, data.Length));
        }

        [TestMethod]
        public void KeyLongerThanABlockIsHashedFirst()
        {
            byte[] data = TestBytes.FromAscii("Test Using Larger Than Block-Size Key - Hash Key First");
            CollectionAssert.AreEqual(
                TestBytes.FromHex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                HmacSha256.Compute(TestBytes.Repeat(0xaa, 131), data, 0, data.Length));
        }

        [TestMethod]
        public void FinalStartsTheNextMessageUnderTheSameKey()
        {
            byte[] data = TestBytes.FromAscii("what do ya want for nothing?");
            HmacSha256 hmac = new HmacSha256(TestBytes.FromAscii("Jefe"));
            byte[] tag = new byte[HmacSha256.TagSize];
            hmac.Update(data, 0, 10);
            hmac.Update(data, 10, data.Length - 10);
            hmac.Final(tag, 0);
            hmac.Update(data, 0, data.Length);
            byte[] again = new byte[HmacSha256.TagSize];
            hmac.Final(again, 0);
            byte[] expected = TestBytes.FromHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
            CollectionAssert.AreEqual(expected, tag);
            CollectionAssert.AreEqual(expected, again);
        }

        [TestMethod]
        public void NullKeyIsRefused()
        {
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => new HmacSha256(null));
        }
    }
}
