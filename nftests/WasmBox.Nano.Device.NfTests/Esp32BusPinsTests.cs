using nanoFramework.TestFramework;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Esp32;
using WasmBox.Nano.Device.NfTests.Support;

namespace WasmBox.Nano.Device.NfTests
{
    /// <summary>
    /// The ESP32 pin functions the buses need (the values of nanoFramework.Hardware.Esp32's DeviceFunction;
    /// the host test BusFacadeConstantsTests compares them with the facade's names).
    /// </summary>
    [TestClass]
    public class Esp32BusPinsTests
    {
        [TestMethod]
        public void Every_bus_pin_gets_its_function_in_description_order()
        {
            BoardDescription board = TestBoards.Full();
            Assert.IsNull(Esp32BusPins.Problem(board));
            PinFunction[] plan = Esp32BusPins.Plan(board);
            int[] pins = new int[] { 21, 22, 23, 19, 18, 17, 16, 4 };
            int[] functions = new int[] { 0x20100, 0x20101, 0x10200, 0x10201, 0x10202, 0x30200, 0x30201, 0x40400 };
            Assert.AreEqual(pins.Length, plan.Length, "ADC inputs are fixed pins and get no function");
            for (int i = 0; i < plan.Length; i++)
            {
                Assert.AreEqual(pins[i], plan[i].Pin, "pin of entry " + i);
                Assert.AreEqual(functions[i], plan[i].Function, "function of entry " + i);
            }
        }

        [TestMethod]
        public void A_bus_the_esp32_does_not_have_is_named()
        {
            BoardDescription board = TestBoards.Full();
            board.I2cBuses = new I2cBusDescription[] { new I2cBusDescription(2, 21, 22) };
            Assert.AreEqual("i2c 2: the ESP32 has I2C buses 0-1", Esp32BusPins.Problem(board));
            board = TestBoards.Full();
            board.Uarts = new UartDescription[] { new UartDescription(3, 17, 16) };
            Assert.AreEqual("uart 3: the ESP32 has UARTs 0-2 beside the console", Esp32BusPins.Problem(board));
            board = TestBoards.Full();
            board.PwmChannels = new PwmChannelDescription[] { new PwmChannelDescription(16, 4) };
            Assert.AreEqual("pwm 16: the ESP32 has PWM channels 0-15", Esp32BusPins.Problem(board));
            board = TestBoards.Full();
            board.SpiBuses = new SpiBusDescription[] { new SpiBusDescription(2, 23, 19, 18) };
            Assert.AreEqual("spi 2: the ESP32 has SPI buses 0-1", Esp32BusPins.Problem(board));
        }
    }
}
