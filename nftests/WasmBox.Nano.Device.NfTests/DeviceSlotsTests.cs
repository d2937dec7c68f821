using nanoFramework.TestFramework;
using WasmBox.Nano.Device.Buses;

namespace WasmBox.Nano.Device.NfTests
{
    /// <summary>The SPI adapter's open devices: reused while the settings hold, reopened when they change, the oldest reused when full.</summary>
    [TestClass]
    public class DeviceSlotsTests
    {
        [TestMethod]
        public void The_same_device_and_settings_reuse_the_open_one()
        {
            DeviceSlots slots = new DeviceSlots(2);
            bool open;
            int first = slots.Take(5, 1000000, 0, out open);
            Assert.IsTrue(open, "first use opens");
            Assert.AreEqual(first, slots.Take(5, 1000000, 0, out open));
            Assert.IsFalse(open, "nothing changed");
        }

        [TestMethod]
        public void Other_settings_reopen_in_the_same_slot()
        {
            DeviceSlots slots = new DeviceSlots(2);
            bool open;
            int first = slots.Take(5, 1000000, 0, out open);
            Assert.AreEqual(first, slots.Take(5, 2000000, 0, out open));
            Assert.IsTrue(open, "another clock");
            Assert.AreEqual(first, slots.Take(5, 2000000, 3, out open));
            Assert.IsTrue(open, "another mode");
            Assert.AreEqual(first, slots.Take(5, 2000000, 3, out open));
            Assert.IsFalse(open);
        }

        [TestMethod]
        public void When_full_the_oldest_opened_slot_is_reused()
        {
            DeviceSlots slots = new DeviceSlots(2);
            bool open;
            int a = slots.Take(5, 1000, 0, out open);
            int b = slots.Take(15, 1000, 0, out open);
            Assert.AreNotEqual(a, b);
            Assert.AreEqual(a, slots.Take(27, 1000, 0, out open), "chip select 27 takes the oldest slot");
            Assert.IsTrue(open);
            Assert.AreEqual(b, slots.Take(15, 1000, 0, out open), "15 is still open");
            Assert.IsFalse(open);
            Assert.AreEqual(b, slots.Take(5, 1000, 0, out open), "5 was closed: it reopens in the next slot in turn");
            Assert.IsTrue(open);
        }
    }
}
