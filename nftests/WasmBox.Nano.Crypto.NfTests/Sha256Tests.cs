using nanoFramework.TestFramework;
using WasmBox.Nano.Crypto;

namespace WasmBox.Nano.Crypto.NfTests
{
    /// <summary>SHA-256 known answers (FIPS 180-4 examples) and the incremental interface.</summary>
    [TestClass]
    public class Sha256Tests
    {
        private const string TwoBlockMessage = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        private const string TwoBlockDigest = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

        [TestMethod]
        [DataRow("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [DataRow("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [DataRow(TwoBlockMessage, TwoBlockDigest)]
        public void OneShotHashMatchesFips180Examples(string message, string digestHex)
        {
            byte[] data = TestBytes.FromAscii(message);
            CollectionAssert.AreEqual(TestBytes.FromHex(digestHex), Sha256.Hash(data, 0, data.Length));
        }

        [TestMethod]
        public void PiecesGiveTheSameDigestAsOneShot()
        {
            // The 448-bit message in uneven pieces, one of them empty: buffering across calls.
            byte[] data = TestBytes.FromAscii(TwoBlockMessage);
            Sha256 sha = new Sha256();
            sha.Update(data, 0, 1);
            sha.Update(data, 1, 0);
            sha.Update(data, 1, 40);
            sha.Update(data, 41, data.Length - 41);
            byte[] digest = new byte[Sha256.HashSize];
            sha.Final(digest, 0);
            CollectionAssert.AreEqual(TestBytes.FromHex(TwoBlockDigest), digest);
        }

        [TestMethod]
        public void FinalStartsTheNextMessage()
        {
            byte[] abc = TestBytes.FromAscii("abc");
            Sha256 sha = new Sha256();
            byte[] first = new byte[Sha256.HashSize];
            byte[] second = new byte[Sha256.HashSize];
            sha.Update(abc, 0, abc.Length);
            sha.Final(first, 0);
            sha.Update(abc, 0, abc.Length);
            sha.Final(second, 0);
            CollectionAssert.AreEqual(first, second);
        }

        [TestMethod]
        public void HashesASliceOfALargerBuffer()
        {
            byte[] framed = TestBytes.FromAscii("xxabcyy");
            CollectionAssert.AreEqual(
                TestBytes.FromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                Sha256.Hash(framed, 2, 3));
        }
    }
}
