using System;
using System.Device.Pwm;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Runtime.Buses;
using WasmBox.Nano.Runtime.Helpers;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// The runtime's <see cref="IPwmChannel"/> over System.Device.Pwm. The PwmChannel is created from the pin
    /// on the first Set (on ESP32 the pin's PWM function is routed at boot) and started once; later calls only
    /// change frequency and duty. Duty 0 holds the pin low.
    /// </summary>
    public sealed class PwmAdapter : IPwmChannel
    {
        private PwmChannel _channel;

        public PwmAdapter(PwmChannelDescription description)
        {
            Number = description.Number;
            Pin = description.Pin;
        }

        public int Number { get; private set; }

        public int Pin { get; private set; }

        public int Set(int frequencyHz, int dutyPerTenThousand)
        {
            int invalid = BusArguments.Pwm(frequencyHz, dutyPerTenThousand);
            if (invalid != 0)
            {
                return invalid;
            }
            double duty = BusArguments.DutyFraction(dutyPerTenThousand);
            try
            {
                if (_channel == null)
                {
                    PwmChannel channel = PwmChannel.CreateFromPin(Pin, frequencyHz, duty);
                    if (channel == null)
                    {
                        // No timer can drive this pin: the description promised what the chip cannot do.
                        return -Errno.NoDevice;
                    }
                    channel.Start();
                    _channel = channel;
                    return 0;
                }
                if (_channel.Frequency != frequencyHz)
                {
                    _channel.Frequency = frequencyHz;
                }
                _channel.DutyCycle = duty;
                return 0;
            }
            catch (ArgumentException)
            {
                // The driver refuses a frequency its timers cannot make.
                return -Errno.Invalid;
            }
        }
    }
}
