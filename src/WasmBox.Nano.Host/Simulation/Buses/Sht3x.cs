using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Simulation.Buses;

/// <summary>
/// Sensirion SHT3x-DIS humidity and temperature sensor, from its datasheet (version 6, 2019):
/// 16-bit commands sent MSB first; single-shot measurements with clock stretching (0x2C06,
/// 0x2C0D, 0x2C10: high, medium, low repeatability) and without (0x2400, 0x240B, 0x2416);
/// status register read (0xF32D), clear status (0x3041), soft reset (0x30A2), heater on/off
/// (0x306D/0x3066). Every 16-bit word it sends is followed by its CRC-8 (polynomial 0x31,
/// init 0xFF, no reflection). A measurement takes 15, 6 or 4 ms (the datasheet's maxima); a read
/// header before it is done is not acknowledged, or, for a clock-stretching command, held until
/// it is. Raw values: T = -45 + 175 * S_T / 65535 °C, RH = 100 * S_RH / 65535 %. The sensing
/// elements read the profile's signals (hundredths of °C and %RH) when a measurement starts.
/// </summary>
public sealed class Sht3x : ISimulatedI2cPart
{
    /// <summary>Status after power-up and soft reset: alert pending (bit 15), reset detected (bit 4).</summary>
    public const ushort ResetStatus = 0x8010;
    private const ushort HeaterBit = 0x2000;
    private const ushort CommandFailedBit = 0x0002;
    private const ushort ClearableBits = 0x8C10;

    private readonly I2cPartSpec _spec;
    private readonly IClock _clock;
    private readonly byte[] _output = new byte[6];
    private int _outputLength;
    private long _readyAtMs;
    private bool _stretch;
    private ushort _status = ResetStatus;

    public Sht3x(I2cPartSpec spec, IClock clock)
    {
        _spec = spec;
        _clock = clock;
    }

    public int Address => _spec.Address;

    public ushort Status => _status;

    public bool Write(ReadOnlySpan<byte> data)
    {
        if (_outputLength > 0 && _clock.NowMs < _readyAtMs)
        {
            return false; // busy measuring: commands are not acknowledged
        }
        if (data.Length != 2)
        {
            _status |= CommandFailedBit;
            return false;
        }
        int command = data[0] << 8 | data[1];
        int duration = MeasurementMs(command, out bool stretch);
        if (duration > 0)
        {
            Measure(duration, stretch);
            return Accepted();
        }
        switch (command)
        {
            case 0xF32D:
                _outputLength = Word(_output, 0, _status);
                _readyAtMs = _clock.NowMs;
                _stretch = false;
                return Accepted();
            case 0x3041:
                _status &= unchecked((ushort)~ClearableBits);
                return Accepted();
            case 0x30A2:
                _status = ResetStatus;
                _outputLength = 0;
                return true;
            case 0x306D:
                _status |= HeaterBit;
                return Accepted();
            case 0x3066:
                _status &= unchecked((ushort)~HeaterBit);
                return Accepted();
            default:
                _status |= CommandFailedBit;
                return false;
        }
    }

    public bool Read(Span<byte> data, out int stretchMicros)
    {
        stretchMicros = 0;
        if (_outputLength == 0)
        {
            return false;
        }
        long waitMs = _readyAtMs - _clock.NowMs;
        if (waitMs > 0)
        {
            if (!_stretch)
            {
                return false;
            }
            stretchMicros = (int)(waitMs * 1000);
        }
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = i < _outputLength ? _output[i] : (byte)0xFF;
        }
        _outputLength = 0; // read once: the next read needs a new command
        return true;
    }

    /// <summary>The raw temperature word for hundredths of a degree, clamped to the part's -45..130 °C.</summary>
    public static ushort RawTemperature(int centiCelsius) => Raw((centiCelsius + 4500L) * 65535, 17500);

    /// <summary>The raw humidity word for hundredths of %RH, clamped to 0..100 %.</summary>
    public static ushort RawHumidity(int centiPercent) => Raw(centiPercent * 65535L, 10000);

    /// <summary>CRC-8 of the datasheet: polynomial 0x31 (x^8 + x^5 + x^4 + 1), init 0xFF, no final XOR.</summary>
    public static byte Crc8(byte msb, byte lsb)
    {
        int crc = 0xFF;
        foreach (byte b in new[] { msb, lsb })
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return (byte)crc;
    }

    private bool Accepted()
    {
        _status &= unchecked((ushort)~CommandFailedBit);
        return true;
    }

    private void Measure(int durationMs, bool stretch)
    {
        long now = _clock.NowMs;
        Word(_output, 0, RawTemperature(_spec.Temperature.ValueAt(now)));
        Word(_output, 3, RawHumidity(_spec.Humidity.ValueAt(now)));
        _outputLength = 6;
        _readyAtMs = now + durationMs;
        _stretch = stretch;
    }

    private static int MeasurementMs(int command, out bool stretch)
    {
        stretch = (command >> 8) == 0x2C;
        return command switch
        {
            0x2C06 or 0x2400 => 15,
            0x2C0D or 0x240B => 6,
            0x2C10 or 0x2416 => 4,
            _ => 0,
        };
    }

    private static int Word(byte[] into, int at, ushort value)
    {
        into[at] = (byte)(value >> 8);
        into[at + 1] = (byte)value;
        into[at + 2] = Crc8(into[at], into[at + 1]);
        return at + 3;
    }

    private static ushort Raw(long scaled, long divisor)
    {
        long raw = (scaled + divisor / 2) / divisor;
        return (ushort)Math.Clamp(raw, 0, 65535);
    }
}
