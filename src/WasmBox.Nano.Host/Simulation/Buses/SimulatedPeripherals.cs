using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Buses;

namespace WasmBox.Nano.Host.Simulation.Buses;

/// <summary>
/// An SPI bus of the simulated board: a selected loopback part shifts back what it receives;
/// with no part on the chip select MISO floats high (0xFF). A transfer takes its wire time.
/// </summary>
public sealed class SimulatedSpiBus(SpiBusSpec spec) : ISpiBus
{
    public int Number => spec.Bus;

    public int MosiPin => spec.Mosi;

    public int MisoPin => spec.Miso;

    public int ClockPin => spec.Sck;

    public int Transfer(int chipSelectPin, int clockHz, int mode, byte[] write, byte[] read, int length, out int micros)
    {
        micros = BusTime.SpiMicros(clockHz, length);
        bool selected = spec.Devices.Any(d => d.ChipSelect == chipSelectPin);
        for (int i = 0; i < length; i++)
        {
            read[i] = selected ? write[i] : (byte)0xFF;
        }
        return 0;
    }
}

/// <summary>
/// A UART with TX wired to RX (the profile's loopback): bytes written wait in a 256-byte line
/// until read (older ones are dropped when it overflows, as a real FIFO drops new ones). A read
/// with nothing waiting reports its whole timeout as spent without blocking the simulation.
/// </summary>
public sealed class SimulatedUart(UartSpec spec) : IUartPort
{
    private const int LineBytes = 256;
    private readonly Queue<byte> _line = new();

    public int Number => spec.Port;

    public int TxPin => spec.Tx;

    public int RxPin => spec.Rx;

    public int Write(int baud, byte[] data, int length, out int micros)
    {
        micros = BusTime.UartMicros(baud, length);
        lock (_line)
        {
            for (int i = 0; i < length; i++)
            {
                if (_line.Count == LineBytes)
                {
                    _line.Dequeue();
                }
                _line.Enqueue(data[i]);
            }
        }
        return 0;
    }

    public int Read(int baud, byte[] buffer, int length, int timeoutMicros, out int micros)
    {
        int n = 0;
        lock (_line)
        {
            while (n < length && _line.Count > 0)
            {
                buffer[n++] = _line.Dequeue();
            }
        }
        micros = n == 0 ? timeoutMicros : BusTime.UartMicros(baud, n);
        return n;
    }
}

/// <summary>A PWM output that records its setting and logs each change (source "pwm"), so the simulator shows it.</summary>
public sealed class SimulatedPwm(PwmSpec spec, ILogSink log) : IPwmChannel
{
    public int Number => spec.Channel;

    public int Pin => spec.Pin;

    public int FrequencyHz { get; private set; }

    /// <summary>Duty in 1/10,000; 0 until set.</summary>
    public int Duty { get; private set; }

    public int Set(int frequencyHz, int dutyPerTenThousand)
    {
        if (frequencyHz != FrequencyHz || dutyPerTenThousand != Duty)
        {
            FrequencyHz = frequencyHz;
            Duty = dutyPerTenThousand;
            log.Write("pwm", "channel " + spec.Channel + " (pin " + spec.Pin + "): " + frequencyHz + " Hz, duty "
                + (dutyPerTenThousand / 100) + "." + (dutyPerTenThousand % 100).ToString("00") + " %");
        }
        return 0;
    }
}

/// <summary>
/// An ADC input converting the profile's millivolt signal at the board clock's time:
/// round(mV × (2^bits − 1) / reference), clamped to the converter's range; 10 µs per conversion.
/// </summary>
public sealed class SimulatedAdc(AdcSpec spec, IClock clock) : IAdcChannel
{
    public const int ConversionMicros = 10;

    public int Number => spec.Channel;

    public int Pin => spec.Pin;

    public int ResolutionBits => spec.Bits;

    public int Read(out int micros)
    {
        micros = ConversionMicros;
        long full = (1L << spec.Bits) - 1;
        long mv = Math.Clamp(spec.Millivolts.ValueAt(clock.NowMs), 0, spec.ReferenceMillivolts);
        return (int)((mv * full + spec.ReferenceMillivolts / 2) / spec.ReferenceMillivolts);
    }
}
