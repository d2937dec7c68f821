using nanoFramework.TestFramework;
using WasmBox.Nano.Device.Buses;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.NfTests
{
    /// <summary>What the adapters refuse before touching hardware, the time they report, and the controllers they name.</summary>
    [TestClass]
    public class BusArgumentsTests
    {
        [TestMethod]
        [DataRow(1, 0, 0)]
        [DataRow(50000, 10000, 0)]
        [DataRow(0, 5000, -22)]
        [DataRow(1000, -1, -22)]
        [DataRow(1000, 10001, -22)]
        public void Pwm_frequency_and_duty(int frequencyHz, int duty, int errno)
        {
            Assert.AreEqual(errno, BusArguments.Pwm(frequencyHz, duty));
        }

        [TestMethod]
        public void Duty_becomes_the_fraction_pwm_channel_takes()
        {
            Assert.AreEqual(0.0, BusArguments.DutyFraction(0));
            Assert.AreEqual(0.25, BusArguments.DutyFraction(2500));
            Assert.AreEqual(1.0, BusArguments.DutyFraction(10000));
        }

        [TestMethod]
        [DataRow(1000000, 0, 0)]
        [DataRow(1, 3, 0)]
        [DataRow(1000000, 4, -22)]
        [DataRow(1000000, -1, -22)]
        [DataRow(0, 0, -22)]
        public void Spi_clock_and_mode(int clockHz, int mode, int errno)
        {
            Assert.AreEqual(errno, BusArguments.Spi(clockHz, mode));
        }

        [TestMethod]
        public void Uart_baud_must_be_positive()
        {
            Assert.AreEqual(0, BusArguments.Uart(9600));
            Assert.AreEqual(-22, BusArguments.Uart(0));
            Assert.AreEqual(-22, BusArguments.Uart(-115200));
        }

        [TestMethod]
        public void Micros_come_from_the_board_clock()
        {
            StepClock clock = new StepClock();
            clock.Now = 1000;
            Assert.AreEqual(0, BusClock.MicrosSince(clock, 1000), "under a millisecond reads 0");
            clock.Now = 1003;
            Assert.AreEqual(3000, BusClock.MicrosSince(clock, 1000));
            Assert.AreEqual(0, BusClock.MicrosSince(clock, 2000), "a clock that went backwards reads 0");
            clock.Now = 1000L + 3000000L;
            Assert.AreEqual(int.MaxValue, BusClock.MicrosSince(clock, 1000), "capped, never wrapped");
        }

        [TestMethod]
        public void Uart_wire_time_and_read_timeout_round_up()
        {
            Assert.AreEqual(87, BusClock.UartWireMicros(115200, 1));
            Assert.AreEqual(10417, BusClock.UartWireMicros(9600, 10));
            Assert.AreEqual(0, BusClock.ReadTimeoutMs(0));
            Assert.AreEqual(1, BusClock.ReadTimeoutMs(1));
            Assert.AreEqual(1, BusClock.ReadTimeoutMs(1000));
            Assert.AreEqual(2, BusClock.ReadTimeoutMs(1001));
        }

        [TestMethod]
        public void Bus_numbers_name_nanoframework_controllers()
        {
            Assert.AreEqual(1, BusControllers.I2cBusId(0));
            Assert.AreEqual(2, BusControllers.SpiBusId(1));
            Assert.AreEqual("COM2", BusControllers.UartPortName(0), "COM1 is the wire protocol's");
            Assert.AreEqual("COM9", BusControllers.UartPortName(7));
        }

        private sealed class StepClock : IClock
        {
            public long Now;

            public long NowMs { get { return Now; } }
        }
    }
}
