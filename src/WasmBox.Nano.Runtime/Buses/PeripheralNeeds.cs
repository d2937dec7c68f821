namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// The SPI devices, UARTs, PWM outputs and ADC inputs a container declares (bundle keys
    /// 17-20). A manifest holds one only when it declares any, so others pay no heap for it.
    /// </summary>
    public sealed class PeripheralNeeds
    {
        /// <summary>Nothing declared: what a manifest without needs reads as.</summary>
        public static readonly PeripheralNeeds None = new PeripheralNeeds(null, null, null, null);

        public PeripheralNeeds(SpiDevice[] spi, UartUse[] uart, ChannelUse[] pwm, ChannelUse[] adc)
        {
            Spi = spi == null ? new SpiDevice[0] : spi;
            Uart = uart == null ? new UartUse[0] : uart;
            Pwm = pwm == null ? new ChannelUse[0] : pwm;
            Adc = adc == null ? new ChannelUse[0] : adc;
        }

        public SpiDevice[] Spi { get; private set; }

        public UartUse[] Uart { get; private set; }

        public ChannelUse[] Pwm { get; private set; }

        public ChannelUse[] Adc { get; private set; }

        /// <summary>The declared SPI device with that handle, or null.</summary>
        public SpiDevice FindSpi(int handle)
        {
            for (int i = 0; i < Spi.Length; i++)
            {
                if (Spi[i].Handle == handle)
                {
                    return Spi[i];
                }
            }
            return null;
        }

        /// <summary>The declared UART with that port number, or null.</summary>
        public UartUse FindUart(int port)
        {
            for (int i = 0; i < Uart.Length; i++)
            {
                if (Uart[i].Port == port)
                {
                    return Uart[i];
                }
            }
            return null;
        }

        /// <summary>The declared channel with that number among <paramref name="channels"/>, or null.</summary>
        public static ChannelUse FindChannel(ChannelUse[] channels, int channel)
        {
            for (int i = 0; i < channels.Length; i++)
            {
                if (channels[i].Channel == channel)
                {
                    return channels[i];
                }
            }
            return null;
        }
    }

    /// <summary>
    /// What a tenant's policy grants beyond I2C: SPI buses with their chip selects, UART ports,
    /// PWM channels and ADC channels.
    /// </summary>
    public sealed class PeripheralGrants
    {
        public static readonly PeripheralGrants None = new PeripheralGrants(null, null, null, null);

        public PeripheralGrants(SpiGrant[] spi, int[] uartPorts, int[] pwmChannels, int[] adcChannels)
        {
            Spi = spi == null ? new SpiGrant[0] : spi;
            UartPorts = uartPorts == null ? new int[0] : uartPorts;
            PwmChannels = pwmChannels == null ? new int[0] : pwmChannels;
            AdcChannels = adcChannels == null ? new int[0] : adcChannels;
        }

        public SpiGrant[] Spi { get; private set; }

        public int[] UartPorts { get; private set; }

        public int[] PwmChannels { get; private set; }

        public int[] AdcChannels { get; private set; }

        public bool Covers(SpiDevice device)
        {
            for (int i = 0; i < Spi.Length; i++)
            {
                if (Spi[i].Covers(device))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
