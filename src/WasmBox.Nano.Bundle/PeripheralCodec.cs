using WasmBox.Nano.Cbor;

namespace WasmBox.Nano.Bundle
{
    /// <summary>
    /// Manifest keys 17-20 (BUNDLE-FORMAT.md): SPI devices, UARTs, PWM and ADC channels, each an
    /// array of fixed-length rows of unsigned integers, written only when non-empty so bundles
    /// without them keep their bytes.
    /// </summary>
    internal static class PeripheralCodec
    {
        public const int KeySpi = 17, KeyUart = 18, KeyPwm = 19, KeyAdc = 20;
        public const int MaxBus = 7;
        public const int MaxChannel = 31;
        public const int MaxSpiClockHz = 80000000;
        public const int MaxBaud = 5000000;

        // Per key, each column's [min, max]; the row descriptions name the columns for errors.
        private static readonly int[] SpiLimits = new int[] { 0, MaxBus, 0, ManifestCodec.MaxPin, 1, MaxSpiClockHz, 0, 3, 0, ManifestCodec.MaxPin, 0, ManifestCodec.MaxPin, 0, ManifestCodec.MaxPin };
        private static readonly int[] UartLimits = new int[] { 0, MaxBus, 1, MaxBaud, 0, ManifestCodec.MaxPin, 0, ManifestCodec.MaxPin };
        private static readonly int[] ChannelLimits = new int[] { 0, MaxChannel, 0, ManifestCodec.MaxPin };

        /// <summary>How many of keys 17-20 the manifest writes.</summary>
        public static int KeysUsed(Manifest m)
        {
            return (m.Spi.Length > 0 ? 1 : 0) + (m.Uart.Length > 0 ? 1 : 0) + (m.Pwm.Length > 0 ? 1 : 0) + (m.Adc.Length > 0 ? 1 : 0);
        }

        public static void Write(CborWriter w, Manifest m)
        {
            if (m.Spi.Length > 0)
            {
                w.WriteUInt(KeySpi);
                w.WriteArrayStart(m.Spi.Length);
                for (int i = 0; i < m.Spi.Length; i++)
                {
                    SpiRequest d = m.Spi[i];
                    WriteRow(w, new int[] { d.Bus, d.ChipSelect, d.ClockHz, d.Mode, d.Mosi, d.Miso, d.Sck });
                }
            }
            if (m.Uart.Length > 0)
            {
                w.WriteUInt(KeyUart);
                w.WriteArrayStart(m.Uart.Length);
                for (int i = 0; i < m.Uart.Length; i++)
                {
                    UartRequest u = m.Uart[i];
                    WriteRow(w, new int[] { u.Port, u.Baud, u.Tx, u.Rx });
                }
            }
            WriteChannels(w, KeyPwm, m.Pwm);
            WriteChannels(w, KeyAdc, m.Adc);
        }

        /// <summary>Reads key 17-20's value into <paramref name="m"/>; null, or what is wrong.</summary>
        public static string Read(CborReader r, int key, Manifest m)
        {
            int[][] rows;
            string error;
            switch (key)
            {
                case KeySpi:
                    error = ReadRows(r, "spi device", "[bus 0-7, chip-select pin, clock 1-" + MaxSpiClockHz + " Hz, mode 0-3, mosi, miso, sck]", SpiLimits, out rows);
                    if (error == null)
                    {
                        m.Spi = new SpiRequest[rows.Length];
                        for (int i = 0; i < rows.Length; i++)
                        {
                            int[] x = rows[i];
                            m.Spi[i] = new SpiRequest(x[0], x[1], x[2], x[3], x[4], x[5], x[6]);
                        }
                    }
                    return error;
                case KeyUart:
                    error = ReadRows(r, "uart", "[port 0-7, baud 1-" + MaxBaud + ", tx pin, rx pin]", UartLimits, out rows);
                    if (error == null)
                    {
                        m.Uart = new UartRequest[rows.Length];
                        for (int i = 0; i < rows.Length; i++)
                        {
                            m.Uart[i] = new UartRequest(rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
                        }
                    }
                    return error;
                case KeyPwm:
                    error = ReadRows(r, "pwm channel", "[channel 0-31, pin]", ChannelLimits, out rows);
                    m.Pwm = error == null ? Channels(rows) : m.Pwm;
                    return error;
                default:
                    error = ReadRows(r, "adc channel", "[channel 0-31, pin]", ChannelLimits, out rows);
                    m.Adc = error == null ? Channels(rows) : m.Adc;
                    return error;
            }
        }

        private static void WriteChannels(CborWriter w, int key, ChannelRequest[] channels)
        {
            if (channels.Length == 0)
            {
                return;
            }
            w.WriteUInt((ulong)key);
            w.WriteArrayStart(channels.Length);
            for (int i = 0; i < channels.Length; i++)
            {
                WriteRow(w, new int[] { channels[i].Channel, channels[i].Pin });
            }
        }

        private static void WriteRow(CborWriter w, int[] row)
        {
            w.WriteArrayStart(row.Length);
            for (int i = 0; i < row.Length; i++)
            {
                w.WriteUInt((ulong)row[i]);
            }
        }

        private static ChannelRequest[] Channels(int[][] rows)
        {
            ChannelRequest[] channels = new ChannelRequest[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                channels[i] = new ChannelRequest(rows[i][0], rows[i][1]);
            }
            return channels;
        }

        private static string ReadRows(CborReader r, string what, string shape, int[] limits, out int[][] rows)
        {
            rows = null;
            int n;
            if (!r.ReadArrayStart(out n) || n > ManifestCodec.MaxListItems)
            {
                return ImageCodec.Describe(r, what + "s must be an array of at most " + ManifestCodec.MaxListItems);
            }
            int columns = limits.Length / 2;
            int[][] read = new int[n][];
            for (int i = 0; i < n; i++)
            {
                int items;
                read[i] = new int[columns];
                bool ok = r.ReadArrayStart(out items) && items == columns;
                for (int c = 0; ok && c < columns; c++)
                {
                    ok = r.ReadInt32(out read[i][c]) && read[i][c] >= limits[2 * c] && read[i][c] <= limits[2 * c + 1];
                }
                if (!ok)
                {
                    return ImageCodec.Describe(r, what + " " + i + " must be " + shape);
                }
            }
            rows = read;
            return null;
        }
    }
}
