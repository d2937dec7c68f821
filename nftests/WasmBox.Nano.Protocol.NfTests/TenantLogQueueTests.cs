using nanoFramework.TestFramework;
using WasmBox.Nano.Protocol.Json;
using WasmBox.Nano.Protocol.Logs;

namespace WasmBox.Nano.Protocol.NfTests
{
    /// <summary>
    /// The queue tenants' printed lines wait in on the board: per-tenant rate, a full ring, lines cut
    /// to the maximum, the dropped count carried on the tenant's next line, and the JSON on the log topic.
    /// </summary>
    [TestClass]
    public class TenantLogQueueTests
    {
        [TestMethod]
        public void A_tenant_over_its_rate_is_dropped_and_another_tenant_is_not()
        {
            TenantLogQueue queue = new TenantLogQueue(16, 3, 50);
            int acme = 0;
            for (int i = 0; i < 5; i++)
            {
                acme += queue.Offer("acme", "chatty", 1000, "line " + i) ? 1 : 0;
            }
            Assert.AreEqual(3, acme, "acme keeps its 3 lines a second");
            Assert.IsTrue(queue.Offer("globex", "quiet", 1000, "hello"), "globex is not held back by acme");
            Assert.AreEqual(4, queue.Count);
        }

        [TestMethod]
        public void The_dropped_count_rides_on_the_tenants_next_line()
        {
            TenantLogQueue queue = new TenantLogQueue(16, 1, 50);
            Assert.IsTrue(queue.Offer("acme", "f", 0, "first"));
            Assert.IsFalse(queue.Offer("acme", "f", 10, "lost 1"));
            Assert.IsFalse(queue.Offer("acme", "f", 20, "lost 2"));
            Assert.IsTrue(queue.Offer("acme", "f", 1000, "next second"));
            TenantLogLine line = new TenantLogLine();
            Assert.IsTrue(queue.TryTake(line));
            Assert.AreEqual("first", line.Text);
            Assert.AreEqual(0, line.DroppedBefore);
            Assert.IsTrue(queue.TryTake(line));
            Assert.AreEqual("next second", line.Text);
            Assert.AreEqual(2, line.DroppedBefore);
            Assert.IsFalse(queue.TryTake(line), "empty");
        }

        [TestMethod]
        public void A_full_ring_drops_instead_of_waiting_and_keeps_order()
        {
            TenantLogQueue queue = new TenantLogQueue(2, 100, 50);
            Assert.IsTrue(queue.Offer("a", "f", 0, "1"));
            Assert.IsTrue(queue.Offer("b", "f", 0, "2"));
            Assert.IsFalse(queue.Offer("a", "f", 0, "3"));
            TenantLogLine line = new TenantLogLine();
            queue.TryTake(line);
            Assert.AreEqual("1", line.Text);
            Assert.IsTrue(queue.Offer("a", "f", 0, "4"), "a slot is free again after the wrap");
            queue.TryTake(line);
            Assert.AreEqual("2", line.Text);
            queue.TryTake(line);
            Assert.AreEqual("4", line.Text);
            Assert.AreEqual(1, line.DroppedBefore, "line 3 was dropped");
        }

        [TestMethod]
        public void Long_lines_are_cut_and_marked_in_the_json()
        {
            TenantLogQueue queue = new TenantLogQueue(4, 10, 5);
            Assert.IsTrue(queue.Offer("acme", "blink", 42, "0123456789"));
            TenantLogLine line = new TenantLogLine();
            queue.TryTake(line);
            Assert.AreEqual("01234", line.Text);
            Assert.AreEqual("{\"device\":\"d1\",\"tenant\":\"acme\",\"container\":\"blink\",\"t\":42,\"line\":\"01234\",\"cut\":true}",
                Text(ProtocolJson.LogLine("d1", line)));
        }

        private static string Text(byte[] bytes)
        {
            char[] chars = new char[bytes.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }
            return new string(chars);
        }
    }
}
