namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// One UART of the board. A port is held by one container at a time, so calls never overlap.
    /// </summary>
    public interface IUartPort
    {
        /// <summary>The port number manifests and policies name.</summary>
        int Number { get; }

        int TxPin { get; }

        int RxPin { get; }

        /// <summary>
        /// Sends <paramref name="length"/> bytes at <paramref name="baud"/> (8N1). Returns 0 or a
        /// negative errno. <paramref name="micros"/> is how long sending took.
        /// </summary>
        int Write(int baud, byte[] data, int length, out int micros);

        /// <summary>
        /// Reads at most <paramref name="length"/> bytes at <paramref name="baud"/>, waiting up to
        /// <paramref name="timeoutMicros"/> for the first byte. Returns the count read (0 when the
        /// timeout passed) or a negative errno. <paramref name="micros"/> is how long it waited and read.
        /// </summary>
        int Read(int baud, byte[] buffer, int length, int timeoutMicros, out int micros);
    }
}
