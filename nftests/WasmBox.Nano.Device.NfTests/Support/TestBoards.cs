using WasmBox.Nano.Device.Board;

namespace WasmBox.Nano.Device.NfTests.Support
{
    /// <summary>A small ESP32-like board: free GPIOs 2-33 (PWM capable), ADC-only inputs 34-39, reserved pin 6.</summary>
    internal static class TestBoards
    {
        public const int Io = PinCapability.Input | PinCapability.Output | PinCapability.Pwm;

        public static BoardDescription Empty()
        {
            PinDescription[] pins = new PinDescription[38];
            for (int i = 0; i < 32; i++)
            {
                int number = i + 2;
                pins[i] = new PinDescription(number, "GPIO" + number, number >= 32 ? Io | PinCapability.Adc : Io, number == 6);
            }
            for (int i = 32; i < 38; i++)
            {
                pins[i] = new PinDescription(i + 2, "GPIO" + (i + 2), PinCapability.Input | PinCapability.Adc, false);
            }
            BoardDescription board = new BoardDescription();
            board.Pins = pins;
            board.Leds = new LedDescription[] { new LedDescription("led0", 2, true) };
            board.Buttons = new ButtonDescription[0];
            board.PinFunctions = new PinFunction[0];
            board.I2cBuses = new I2cBusDescription[0];
            board.SpiBuses = new SpiBusDescription[0];
            board.Uarts = new UartDescription[0];
            board.PwmChannels = new PwmChannelDescription[0];
            board.AdcChannels = new AdcChannelDescription[0];
            return board;
        }

        /// <summary>One of every kind, wired consistently.</summary>
        public static BoardDescription Full()
        {
            BoardDescription board = Empty();
            board.I2cBuses = new I2cBusDescription[] { new I2cBusDescription(0, 21, 22) };
            board.SpiBuses = new SpiBusDescription[] { new SpiBusDescription(1, 23, 19, 18) };
            board.Uarts = new UartDescription[] { new UartDescription(0, 17, 16) };
            board.PwmChannels = new PwmChannelDescription[] { new PwmChannelDescription(3, 4) };
            board.AdcChannels = new AdcChannelDescription[] { new AdcChannelDescription(0, 36, 0) };
            return board;
        }
    }
}
