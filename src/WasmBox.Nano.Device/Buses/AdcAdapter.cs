using System;
using System.Device.Adc;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Helpers;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// The runtime's <see cref="IAdcChannel"/> over System.Device.Adc: the board's one AdcController is
    /// shared by every channel, and each channel is opened on its first read and kept.
    /// </summary>
    public sealed class AdcAdapter : IAdcChannel
    {
        private readonly AdcController _controller;
        private readonly int _channelNumber;
        private readonly IClock _clock;
        private AdcChannel _channel;

        public AdcAdapter(AdcChannelDescription description, AdcController controller, IClock clock)
        {
            Number = description.Number;
            Pin = description.Pin;
            _channelNumber = description.Channel;
            _controller = controller;
            _clock = clock;
        }

        public int Number { get; private set; }

        public int Pin { get; private set; }

        public int ResolutionBits { get { return _controller.ResolutionInBits; } }

        public int Read(out int micros)
        {
            long started = _clock.NowMs;
            int value;
            try
            {
                if (_channel == null)
                {
                    _channel = _controller.OpenChannel(_channelNumber);
                }
                value = _channel.ReadValue();
            }
            catch (Exception)
            {
                value = -Errno.Io;
            }
            micros = BusClock.MicrosSince(_clock, started);
            return value;
        }
    }
}
