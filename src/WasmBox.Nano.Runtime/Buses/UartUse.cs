namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// A UART a function declares: the port (its handle in programs), the baud rate (8N1) and the
    /// TX/RX pins it expects the port on (checked against the board at install).
    /// </summary>
    public sealed class UartUse
    {
        public const int MaxPort = 7;
        public const int MinBaud = 300;
        public const int MaxBaud = 5000000;

        public UartUse(int port, int baud, int txPin, int rxPin)
        {
            Port = port;
            Baud = baud;
            TxPin = txPin;
            RxPin = rxPin;
        }

        public int Port { get; private set; }

        public int Baud { get; private set; }

        public int TxPin { get; private set; }

        public int RxPin { get; private set; }

        /// <summary>Null when the fields are in range, else why not.</summary>
        public string Problem()
        {
            if (Port < 0 || Port > MaxPort)
            {
                return "port must be 0-" + MaxPort + ", got " + Port;
            }
            if (Baud < MinBaud || Baud > MaxBaud)
            {
                return "baud must be " + MinBaud + "-" + MaxBaud + ", got " + Baud;
            }
            return null;
        }

        /// <summary>"uart 1 @115200 baud (tx 17, rx 16)" for messages.</summary>
        public override string ToString()
        {
            return "uart " + Port + " @" + Baud + " baud (tx " + TxPin + ", rx " + RxPin + ")";
        }
    }
}
