namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// A PWM output or ADC input a function declares: the channel (its handle in programs) and
    /// the pin it expects the channel on (checked against the board at install).
    /// </summary>
    public sealed class ChannelUse
    {
        public const int MaxChannel = 31;

        public ChannelUse(int channel, int pin)
        {
            Channel = channel;
            Pin = pin;
        }

        public int Channel { get; private set; }

        public int Pin { get; private set; }

        /// <summary>Null when the channel is in range, else why not.</summary>
        public string Problem()
        {
            return Channel < 0 || Channel > MaxChannel ? "channel must be 0-" + MaxChannel + ", got " + Channel : null;
        }

        /// <summary>"PWM 0 (pin 25)" for messages, with the kind given.</summary>
        public string Describe(string kind)
        {
            return kind + " " + Channel + " (pin " + Pin + ")";
        }
    }
}
