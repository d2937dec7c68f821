using nanoFramework.TestFramework;
using WasmBox.Nano.Device.Buses;

namespace WasmBox.Nano.Device.NfTests
{
    /// <summary>The board's adapters by bus number, as DeviceBoard finds them for the runtime.</summary>
    [TestClass]
    public class BusTableTests
    {
        [TestMethod]
        public void Finds_each_adapter_by_its_number_and_nothing_else()
        {
            BusTable table = new BusTable(2);
            object first = new object();
            object second = new object();
            Assert.IsTrue(table.Add(3, first));
            Assert.IsTrue(table.Add(0, second));
            Assert.AreSame(first, table.Find(3));
            Assert.AreSame(second, table.Find(0));
            Assert.IsNull(table.Find(1), "a number the board does not have");
            Assert.IsNull(table.Find(-1));
        }

        [TestMethod]
        public void A_number_taken_or_a_full_table_changes_nothing()
        {
            BusTable table = new BusTable(1);
            object first = new object();
            Assert.IsTrue(table.Add(0, first));
            Assert.IsFalse(table.Add(0, new object()), "number 0 is taken");
            Assert.IsFalse(table.Add(1, new object()), "the table is full");
            Assert.AreEqual(1, table.Count);
            Assert.AreSame(first, table.Find(0));
            Assert.IsNull(table.Find(1));
        }
    }
}
