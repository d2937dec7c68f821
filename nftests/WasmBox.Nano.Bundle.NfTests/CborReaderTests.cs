using nanoFramework.TestFramework;
using WasmBox.Nano.Cbor;
using WasmBox.Nano.Crypto.NfTests;

namespace WasmBox.Nano.Bundle.NfTests
{
    /// <summary>
    /// The bounded CBOR reader on well-formed items and on hostile ones: truncation, non-shortest
    /// heads, lengths and counts beyond the input or the limits, invalid UTF-8 and unsupported
    /// encodings. Each refusal returns false with a specific CborError and never throws.
    /// </summary>
    [TestClass]
    public class CborReaderTests
    {
        [TestMethod]
        [DataRow("00", 0UL)]
        [DataRow("17", 23UL)]
        [DataRow("1818", 24UL)]
        [DataRow("190100", 256UL)]
        [DataRow("1a00010000", 65536UL)]
        [DataRow("1b0000000100000000", 4294967296UL)]
        [DataRow("1bffffffffffffffff", ulong.MaxValue)]
        public void ShortestUnsignedHeadsRead(string hex, ulong expected)
        {
            CborReader r = Reader(hex);
            ulong value;
            Assert.IsTrue(r.ReadUInt(ulong.MaxValue, out value), Describe(r));
            Assert.AreEqual(expected, value);
            Assert.IsTrue(r.AtEnd);
        }

        [TestMethod]
        [DataRow("20", -1L)]
        [DataRow("3901f3", -500L)]
        [DataRow("3b7fffffffffffffff", long.MinValue)]
        [DataRow("1b7fffffffffffffff", long.MaxValue)]
        public void SignedIntegersRead(string hex, long expected)
        {
            CborReader r = Reader(hex);
            long value;
            Assert.IsTrue(r.ReadInt64(out value), Describe(r));
            Assert.AreEqual(expected, value);
        }

        [TestMethod]
        public void StructuredItemsRead()
        {
            // [h'0102', "h\u00e9", {1: true}, 18(null)] — é is the two-byte UTF-8 sequence c3 a9.
            CborReader r = Reader("84420102" + "6368c3a9" + "a101f5" + "d2f6");
            int count;
            int offset;
            int length;
            string text;
            ulong key;
            bool flag;
            ulong tag;
            Assert.IsTrue(r.ReadArrayStart(out count));
            Assert.AreEqual(4, count);
            Assert.IsTrue(r.ReadBytes(2, out offset, out length));
            Assert.AreEqual(2, offset);
            Assert.AreEqual(2, length);
            Assert.IsTrue(r.ReadText(8, out text));
            Assert.AreEqual("h\u00e9", text);
            Assert.IsTrue(r.ReadMapStart(out count));
            Assert.AreEqual(1, count);
            Assert.IsTrue(r.ReadUInt(10, out key));
            Assert.IsTrue(r.ReadBool(out flag));
            Assert.IsTrue(flag);
            Assert.IsTrue(r.ReadTag(out tag));
            Assert.AreEqual(18UL, tag);
            Assert.IsTrue(r.TryReadNull());
            Assert.IsTrue(r.AtEnd);
            Assert.AreEqual((int)CborError.None, (int)r.Error);
        }

        [TestMethod]
        public void SkipPassesOverANestedItem()
        {
            CborReader r = Reader("82a2016161028201024101" + "07");
            ulong after;
            Assert.IsTrue(r.Skip(4), Describe(r));
            Assert.IsTrue(r.ReadUInt(10, out after));
            Assert.AreEqual(7UL, after);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("18")]
        [DataRow("1901")]
        [DataRow("1a000100")]
        [DataRow("1b00000001000000")]
        public void TruncatedHeadsAreRefused(string hex)
        {
            CborReader r = Reader(hex);
            ulong value;
            Assert.IsFalse(r.ReadUInt(ulong.MaxValue, out value));
            AssertError(CborError.Truncated, r);
            Assert.AreEqual(0, r.ErrorOffset);
        }

        [TestMethod]
        [DataRow("430102")]
        [DataRow("5a7fffffff00")]
        public void ByteStringLongerThanTheInputIsTruncated(string hex)
        {
            CborReader r = Reader(hex);
            int offset;
            int length;
            Assert.IsFalse(r.ReadBytes(int.MaxValue, out offset, out length));
            AssertError(CborError.Truncated, r);
        }

        [TestMethod]
        [DataRow("1817")]
        [DataRow("1900ff")]
        [DataRow("1a0000ffff")]
        [DataRow("1b00000000ffffffff")]
        public void NonShortestHeadsAreRefused(string hex)
        {
            CborReader r = Reader(hex);
            ulong value;
            Assert.IsFalse(r.ReadUInt(ulong.MaxValue, out value));
            AssertError(CborError.NotMinimal, r);
        }

        [TestMethod]
        public void NonShortestLengthIsRefused()
        {
            // h'01' with its length in a one-byte argument: the shortest form is 41 01.
            CborReader r = Reader("580101");
            int offset;
            int length;
            Assert.IsFalse(r.ReadBytes(16, out offset, out length));
            AssertError(CborError.NotMinimal, r);
        }

        [TestMethod]
        [DataRow("5bffffffffffffffff")]
        [DataRow("5a00010000")]
        public void HugeAnnouncedByteStringIsRefusedBeforeAllocating(string hex)
        {
            CborReader r = Reader(hex);
            byte[] value;
            Assert.IsFalse(r.ReadBytesCopy(4096, out value));
            AssertError(CborError.TooLarge, r);
            Assert.IsNull(value);
        }

        [TestMethod]
        [DataRow("9bffffffffffffffff")]
        [DataRow("9a00010000")]
        [DataRow("8501")]
        public void ArrayAnnouncingMoreItemsThanFitIsRefused(string hex)
        {
            CborReader r = Reader(hex);
            int count;
            Assert.IsFalse(r.ReadArrayStart(out count));
            AssertError(CborError.TooLarge, r);
            Assert.AreEqual(0, count);
        }

        [TestMethod]
        public void UnsignedAboveTheCallersMaximumIsRefused()
        {
            CborReader r = Reader("190100");
            ulong value;
            Assert.IsFalse(r.ReadUInt(255, out value));
            AssertError(CborError.TooLarge, r);
        }

        [TestMethod]
        public void NegativeBeyondLongIsRefused()
        {
            CborReader r = Reader("3b8000000000000000");
            long value;
            Assert.IsFalse(r.ReadInt64(out value));
            AssertError(CborError.TooLarge, r);
        }

        [TestMethod]
        [DataRow("62c328")]
        [DataRow("62c0af")]
        [DataRow("63eda080")]
        [DataRow("6180")]
        [DataRow("64f4908080")]
        [DataRow("62e282")]
        public void InvalidUtf8TextIsRefused(string hex)
        {
            CborReader r = Reader(hex);
            string text;
            Assert.IsFalse(r.ReadText(16, out text));
            AssertError(CborError.BadText, r);
            Assert.IsNull(text);
        }

        [TestMethod]
        [DataRow("5f4101ff")]
        [DataRow("9fff")]
        [DataRow("1c")]
        [DataRow("f93c00")]
        [DataRow("f7")]
        public void UnsupportedEncodingsAreRefusedBySkip(string hex)
        {
            CborReader r = Reader(hex);
            Assert.IsFalse(r.Skip(4));
            AssertError(CborError.Unsupported, r);
        }

        [TestMethod]
        public void NestingDeeperThanAllowedIsRefused()
        {
            CborReader r = Reader("8181818100");
            Assert.IsFalse(r.Skip(2));
            AssertError(CborError.TooDeep, r);
        }

        [TestMethod]
        public void WrongMajorTypeIsRefused()
        {
            CborReader r = Reader("6161");
            ulong value;
            Assert.IsFalse(r.ReadUInt(10, out value));
            AssertError(CborError.UnexpectedType, r);
            Assert.AreEqual(0, r.ErrorOffset);
        }

        [TestMethod]
        public void FirstErrorSticks()
        {
            CborReader r = Reader("1817" + "01");
            ulong value;
            Assert.IsFalse(r.ReadUInt(10, out value));
            Assert.IsFalse(r.ReadUInt(10, out value), "a reader that failed stays failed");
            AssertError(CborError.NotMinimal, r);
            Assert.AreEqual(-1, r.PeekMajorType());
        }

        [TestMethod]
        public void BadSliceIsAnArgumentError()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), () => new CborReader(new byte[4], 2, 3, 8));
        }

        private static CborReader Reader(string hex)
        {
            byte[] bytes = TestBytes.FromHex(hex);
            return new CborReader(bytes, 0, bytes.Length, 64);
        }

        private static void AssertError(CborError expected, CborReader r)
        {
            Assert.AreEqual(CborErrorText.Describe(expected), CborErrorText.Describe(r.Error), "at byte " + r.ErrorOffset);
        }

        private static string Describe(CborReader r)
        {
            return CborErrorText.Describe(r.Error) + " at byte " + r.ErrorOffset;
        }
    }
}
