namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// One I2C controller of the board (the seam between the runtime and a real or simulated
    /// bus). The runtime serialises access to it: <see cref="Transfer"/> is never called twice at once.
    /// </summary>
    public interface II2cBus
    {
        /// <summary>The bus number manifests and policies name.</summary>
        int Number { get; }

        int SdaPin { get; }

        int SclPin { get; }

        /// <summary>
        /// Writes <paramref name="writeLength"/> bytes to the 7-bit <paramref name="address"/>,
        /// then (a repeated start when both are non-zero) reads <paramref name="readLength"/> bytes.
        /// Returns 0, or a negative errno: -ENXIO (6) when the address is not acknowledged,
        /// -EIO (5) when a data byte is not. <paramref name="micros"/> is how long the transfer
        /// held the bus, clock stretching included.
        /// </summary>
        int Transfer(int address, int speedHz, byte[] write, int writeLength, byte[] read, int readLength, out int micros);
    }

    /// <summary>Implemented by a board (besides IBoard) that has buses tenants may use.</summary>
    public interface IBusBoard
    {
        /// <summary>The I2C bus with that number, or null.</summary>
        II2cBus FindI2c(int number);

        /// <summary>The SPI bus with that number, or null.</summary>
        ISpiBus FindSpi(int number);

        /// <summary>The UART with that number, or null.</summary>
        IUartPort FindUart(int number);

        /// <summary>The PWM channel with that number, or null.</summary>
        IPwmChannel FindPwm(int number);

        /// <summary>The ADC channel with that number, or null.</summary>
        IAdcChannel FindAdc(int number);
    }
}
