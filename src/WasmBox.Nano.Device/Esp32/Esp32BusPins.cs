using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Device.Buses;

namespace WasmBox.Nano.Device.Esp32
{
    /// <summary>
    /// The ESP32 pin functions a board description's buses need: I2C SDA/SCL, SPI MOSI/MISO/CLOCK, UART
    /// TX/RX and PWM outputs, routed through the GPIO matrix before any driver opens them (ADC inputs are
    /// fixed pins and need none). Codes are nanoFramework.Hardware.Esp32's DeviceFunction values,
    /// 0xKIISS (kind, controller index, signal), computed so this plan runs in the device tests on nanoCLR;
    /// a host test compares every code with the facade's enum.
    /// </summary>
    public static class Esp32BusPins
    {
        public const int Spi = 0x10000;
        public const int I2c = 0x20000;
        public const int Com = 0x30000;
        public const int Pwm = 0x40000;

        /// <summary>Controllers the ESP32 has: I2C1-2, SPI1-2, COM1-4, PWM1-16.</summary>
        public const int I2cControllers = 2;
        public const int SpiControllers = 2;
        public const int ComPorts = 4;
        public const int PwmOutputs = 16;

        /// <summary>Null when every bus maps to a controller the ESP32 has, else which one does not.</summary>
        public static string Problem(BoardDescription board)
        {
            for (int i = 0; i < board.I2cBuses.Length; i++)
            {
                if (BusControllers.I2cBusId(board.I2cBuses[i].Number) > I2cControllers)
                {
                    return "i2c " + board.I2cBuses[i].Number + ": the ESP32 has I2C buses 0-" + (I2cControllers - 1);
                }
            }
            for (int i = 0; i < board.SpiBuses.Length; i++)
            {
                if (BusControllers.SpiBusId(board.SpiBuses[i].Number) > SpiControllers)
                {
                    return "spi " + board.SpiBuses[i].Number + ": the ESP32 has SPI buses 0-" + (SpiControllers - 1);
                }
            }
            for (int i = 0; i < board.Uarts.Length; i++)
            {
                if (BusControllers.UartIndex(board.Uarts[i].Number) > ComPorts)
                {
                    return "uart " + board.Uarts[i].Number + ": the ESP32 has UARTs 0-" + (ComPorts - 2) + " beside the console";
                }
            }
            for (int i = 0; i < board.PwmChannels.Length; i++)
            {
                if (board.PwmChannels[i].Number >= PwmOutputs)
                {
                    return "pwm " + board.PwmChannels[i].Number + ": the ESP32 has PWM channels 0-" + (PwmOutputs - 1);
                }
            }
            return null;
        }

        /// <summary>Every (pin, function) the buses need, in description order; call <see cref="Problem"/> first.</summary>
        public static PinFunction[] Plan(BoardDescription board)
        {
            PinFunction[] plan = new PinFunction[2 * board.I2cBuses.Length + 3 * board.SpiBuses.Length + 2 * board.Uarts.Length + board.PwmChannels.Length];
            int n = 0;
            for (int i = 0; i < board.I2cBuses.Length; i++)
            {
                I2cBusDescription d = board.I2cBuses[i];
                int controller = I2c | BusControllers.I2cBusId(d.Number) << 8;
                plan[n++] = new PinFunction(d.SdaPin, controller);
                plan[n++] = new PinFunction(d.SclPin, controller | 1);
            }
            for (int i = 0; i < board.SpiBuses.Length; i++)
            {
                SpiBusDescription d = board.SpiBuses[i];
                int controller = Spi | BusControllers.SpiBusId(d.Number) << 8;
                plan[n++] = new PinFunction(d.MosiPin, controller);
                plan[n++] = new PinFunction(d.MisoPin, controller | 1);
                plan[n++] = new PinFunction(d.ClockPin, controller | 2);
            }
            for (int i = 0; i < board.Uarts.Length; i++)
            {
                UartDescription d = board.Uarts[i];
                int controller = Com | BusControllers.UartIndex(d.Number) << 8;
                plan[n++] = new PinFunction(d.TxPin, controller);
                plan[n++] = new PinFunction(d.RxPin, controller | 1);
            }
            for (int i = 0; i < board.PwmChannels.Length; i++)
            {
                plan[n++] = new PinFunction(board.PwmChannels[i].Pin, Pwm | (board.PwmChannels[i].Number + 1) << 8);
            }
            return plan;
        }
    }
}
