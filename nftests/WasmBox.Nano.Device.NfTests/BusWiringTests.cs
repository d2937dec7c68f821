using nanoFramework.TestFramework;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Buses;
using WasmBox.Nano.Device.NfTests.Support;

namespace WasmBox.Nano.Device.NfTests
{
    /// <summary>The boot-time check of a board description's buses: every wiring mistake is named, a good one passes.</summary>
    [TestClass]
    public class BusWiringTests
    {
        [TestMethod]
        public void A_consistent_board_passes()
        {
            Assert.IsNull(BusWiring.Problem(TestBoards.Full()));
            Assert.IsNull(BusWiring.Problem(TestBoards.Empty()));
        }

        [TestMethod]
        public void A_bus_number_described_twice_is_named()
        {
            BoardDescription board = TestBoards.Full();
            board.I2cBuses = new I2cBusDescription[] { new I2cBusDescription(0, 21, 22), new I2cBusDescription(0, 25, 26) };
            Assert.AreEqual("i2c 0: described twice", BusWiring.Problem(board));
        }

        [TestMethod]
        public void A_number_out_of_range_is_named()
        {
            BoardDescription board = TestBoards.Full();
            board.Uarts = new UartDescription[] { new UartDescription(8, 17, 16) };
            Assert.AreEqual("uart 8: the number must be 0-7", BusWiring.Problem(board));
            board = TestBoards.Full();
            board.PwmChannels = new PwmChannelDescription[] { new PwmChannelDescription(-1, 4) };
            Assert.AreEqual("pwm -1: the number must be 0-31", BusWiring.Problem(board));
        }

        [TestMethod]
        public void A_reserved_or_unknown_pin_is_named()
        {
            BoardDescription board = TestBoards.Full();
            board.SpiBuses = new SpiBusDescription[] { new SpiBusDescription(1, 23, 6, 18) };
            Assert.AreEqual("spi 1 miso: pin 6 is not a free pin of the board", BusWiring.Problem(board));
            board.SpiBuses = new SpiBusDescription[] { new SpiBusDescription(1, 23, 19, 99) };
            Assert.AreEqual("spi 1 clock: pin 99 is not a free pin of the board", BusWiring.Problem(board));
        }

        [TestMethod]
        public void A_pin_shared_with_an_led_or_another_bus_is_named()
        {
            BoardDescription board = TestBoards.Full();
            board.I2cBuses = new I2cBusDescription[] { new I2cBusDescription(0, 2, 22) };
            Assert.AreEqual("i2c 0 sda: pin 2 is already used", BusWiring.Problem(board), "pin 2 drives the LED");
            board = TestBoards.Full();
            board.PwmChannels = new PwmChannelDescription[] { new PwmChannelDescription(3, 17) };
            Assert.AreEqual("pwm 3: pin 17 is already used", BusWiring.Problem(board), "pin 17 is UART 0's TX");
        }

        [TestMethod]
        public void A_pin_that_cannot_do_the_job_is_named()
        {
            BoardDescription board = TestBoards.Full();
            board.PwmChannels = new PwmChannelDescription[] { new PwmChannelDescription(3, 34) };
            Assert.AreEqual("pwm 3: pin 34 lacks the capability", BusWiring.Problem(board), "GPIO34 is input only");
            board = TestBoards.Full();
            board.AdcChannels = new AdcChannelDescription[] { new AdcChannelDescription(0, 4, 0) };
            Assert.AreEqual("adc 0: pin 4 lacks the capability", BusWiring.Problem(board));
            board = TestBoards.Full();
            board.Uarts = new UartDescription[] { new UartDescription(0, 35, 16) };
            Assert.AreEqual("uart 0 tx: pin 35 lacks the capability", BusWiring.Problem(board), "TX needs an output");
        }
    }
}
