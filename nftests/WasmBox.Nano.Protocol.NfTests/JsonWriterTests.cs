using nanoFramework.TestFramework;
using WasmBox.Nano.Protocol.Json;

namespace WasmBox.Nano.Protocol.NfTests
{
    /// <summary>
    /// The device's JSON documents (results, telemetry, state) with numbers at their edges. An invocation's
    /// r0 reaches the writer as (long) of a ulong register: on nanoCLR that value keeps an unsigned type tag,
    /// so a % computes an unsigned remainder and negative results printed wrong digits.
    /// </summary>
    [TestClass]
    public class JsonWriterTests
    {
        private static readonly ulong[] Results = new ulong[] { 0xFFFFFFFFFFFFFFD6UL, 0x8000000000000000UL, 0x7FFFFFFFFFFFFFFFUL, 0UL };

        [TestMethod]
        public void Numbers_from_registers_are_written_in_decimal()
        {
            JsonWriter w = new JsonWriter(64);
            w.BeginArray();
            for (int i = 0; i < Results.Length; i++)
            {
                w.Number((long)Results[i]);
            }
            w.EndArray();
            Assert.AreEqual("[-42,-9223372036854775808,9223372036854775807,0]", Text(w));
        }

        [TestMethod]
        public void Properties_and_strings_are_escaped()
        {
            JsonWriter w = new JsonWriter(8);
            w.BeginObject().Property("result", -7L).Property("name", "a\"b\\c\n").EndObject();
            Assert.AreEqual("{\"result\":-7,\"name\":\"a\\\"b\\\\c\\u000a\"}", Text(w));
        }

        private static string Text(JsonWriter w)
        {
            char[] chars = new char[w.Length];
            byte[] bytes = w.Buffer;
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }
            return new string(chars);
        }
    }
}
