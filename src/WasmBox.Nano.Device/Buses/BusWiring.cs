using WasmBox.Nano.Device.Board;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// Checks a board description's buses before any is opened: numbers in range and unique per kind, every
    /// pin one the board has, not reserved, able to do its job, and used once among the buses, LEDs and
    /// buttons. A BoardConfig.cs edited by hand stops the boot with the reason instead of driving the wrong pin.
    /// </summary>
    public sealed class BusWiring
    {
        /// <summary>Highest I2C, SPI and UART number (UART n is COM(n+2), one digit).</summary>
        public const int MaxBus = 7;

        /// <summary>Highest PWM and ADC channel number.</summary>
        public const int MaxChannel = 31;

        private const int InOut = PinCapability.Input | PinCapability.Output;

        private readonly BoardDescription _board;
        private readonly int[] _used;
        private int _usedCount;

        private BusWiring(BoardDescription board)
        {
            _board = board;
            _used = new int[board.Pins.Length];
        }

        /// <summary>Null when the buses are wired consistently, else the first problem.</summary>
        public static string Problem(BoardDescription board)
        {
            return new BusWiring(board).Check();
        }

        private string Check()
        {
            BoardDescription b = _board;
            string problem = null;
            for (int i = 0; problem == null && i < b.Leds.Length; i++)
            {
                problem = Claim(b.Leds[i].Pin, 0, "led " + b.Leds[i].Name);
            }
            for (int i = 0; problem == null && i < b.Buttons.Length; i++)
            {
                problem = Claim(b.Buttons[i].Pin, 0, "button " + b.Buttons[i].Name);
            }
            int[] numbers = new int[b.I2cBuses.Length];
            for (int i = 0; problem == null && i < numbers.Length; i++)
            {
                I2cBusDescription d = b.I2cBuses[i];
                string who = "i2c " + d.Number;
                problem = Number(numbers, i, d.Number, MaxBus, who) ?? Claim(d.SdaPin, InOut, who + " sda") ?? Claim(d.SclPin, InOut, who + " scl");
            }
            numbers = new int[b.SpiBuses.Length];
            for (int i = 0; problem == null && i < numbers.Length; i++)
            {
                SpiBusDescription d = b.SpiBuses[i];
                string who = "spi " + d.Number;
                problem = Number(numbers, i, d.Number, MaxBus, who) ?? Claim(d.MosiPin, PinCapability.Output, who + " mosi")
                    ?? Claim(d.MisoPin, PinCapability.Input, who + " miso") ?? Claim(d.ClockPin, PinCapability.Output, who + " clock");
            }
            numbers = new int[b.Uarts.Length];
            for (int i = 0; problem == null && i < numbers.Length; i++)
            {
                UartDescription d = b.Uarts[i];
                string who = "uart " + d.Number;
                problem = Number(numbers, i, d.Number, MaxBus, who) ?? Claim(d.TxPin, PinCapability.Output, who + " tx") ?? Claim(d.RxPin, PinCapability.Input, who + " rx");
            }
            numbers = new int[b.PwmChannels.Length];
            for (int i = 0; problem == null && i < numbers.Length; i++)
            {
                PwmChannelDescription d = b.PwmChannels[i];
                string who = "pwm " + d.Number;
                problem = Number(numbers, i, d.Number, MaxChannel, who) ?? Claim(d.Pin, PinCapability.Pwm, who);
            }
            numbers = new int[b.AdcChannels.Length];
            for (int i = 0; problem == null && i < numbers.Length; i++)
            {
                AdcChannelDescription d = b.AdcChannels[i];
                string who = "adc " + d.Number;
                problem = Number(numbers, i, d.Number, MaxChannel, who) ?? Claim(d.Pin, PinCapability.Adc, who);
            }
            return problem;
        }

        /// <summary>Records numbers[i] = number; a problem when it is out of range or one of numbers[0..i).</summary>
        private static string Number(int[] numbers, int i, int number, int max, string who)
        {
            if (number < 0 || number > max)
            {
                return who + ": the number must be 0-" + max;
            }
            for (int k = 0; k < i; k++)
            {
                if (numbers[k] == number)
                {
                    return who + ": described twice";
                }
            }
            numbers[i] = number;
            return null;
        }

        private string Claim(int pin, int capabilities, string who)
        {
            PinDescription p = _board.FindPin(pin);
            if (p == null || p.Reserved)
            {
                return who + ": pin " + pin + " is not a free pin of the board";
            }
            if (!p.Has(capabilities))
            {
                return who + ": pin " + pin + " lacks the capability";
            }
            for (int k = 0; k < _usedCount; k++)
            {
                if (_used[k] == pin)
                {
                    return who + ": pin " + pin + " is already used";
                }
            }
            _used[_usedCount++] = pin;
            return null;
        }
    }
}
