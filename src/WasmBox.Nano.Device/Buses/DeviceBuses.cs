using System.Device.Adc;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// The board's bus adapters by kind, each table holding one adapter per description entry, made at boot
    /// after <see cref="BusWiring"/> accepted the wiring (DeviceBoard finds them for the runtime). The
    /// adapters open the hardware on first use, so a bus no tenant is granted never claims its pins.
    /// </summary>
    public sealed class DeviceBuses
    {
        /// <exception cref="System.ArgumentException">the description's buses are wired inconsistently (the message says how).</exception>
        public DeviceBuses(BoardDescription board, IClock clock)
        {
            string problem = BusWiring.Problem(board);
            if (problem != null)
            {
                throw new System.ArgumentException("board description: " + problem);
            }
            I2c = new BusTable(board.I2cBuses.Length);
            for (int i = 0; i < board.I2cBuses.Length; i++)
            {
                I2c.Add(board.I2cBuses[i].Number, new I2cBusAdapter(board.I2cBuses[i], clock));
            }
            Spi = new BusTable(board.SpiBuses.Length);
            for (int i = 0; i < board.SpiBuses.Length; i++)
            {
                Spi.Add(board.SpiBuses[i].Number, new SpiBusAdapter(board.SpiBuses[i], clock));
            }
            Uarts = new BusTable(board.Uarts.Length);
            for (int i = 0; i < board.Uarts.Length; i++)
            {
                Uarts.Add(board.Uarts[i].Number, new UartAdapter(board.Uarts[i], clock));
            }
            Pwm = new BusTable(board.PwmChannels.Length);
            for (int i = 0; i < board.PwmChannels.Length; i++)
            {
                Pwm.Add(board.PwmChannels[i].Number, new PwmAdapter(board.PwmChannels[i]));
            }
            Adc = new BusTable(board.AdcChannels.Length);
            // The controller exists once per board; only boards that describe analog inputs open it.
            AdcController controller = board.AdcChannels.Length == 0 ? null : new AdcController();
            for (int i = 0; i < board.AdcChannels.Length; i++)
            {
                Adc.Add(board.AdcChannels[i].Number, new AdcAdapter(board.AdcChannels[i], controller, clock));
            }
        }

        /// <summary><see cref="I2cBusAdapter"/>s by bus number.</summary>
        public BusTable I2c { get; private set; }

        /// <summary><see cref="SpiBusAdapter"/>s by bus number.</summary>
        public BusTable Spi { get; private set; }

        /// <summary><see cref="UartAdapter"/>s by port number.</summary>
        public BusTable Uarts { get; private set; }

        /// <summary><see cref="PwmAdapter"/>s by channel number.</summary>
        public BusTable Pwm { get; private set; }

        /// <summary><see cref="AdcAdapter"/>s by channel number.</summary>
        public BusTable Adc { get; private set; }
    }
}
