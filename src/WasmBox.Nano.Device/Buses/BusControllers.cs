namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// How the runtime's bus numbers (0-based, as in profiles and manifests) name nanoFramework's
    /// controllers. Decision: I2C and SPI bus n is the driver's bus id n + 1 (I2C1, SPI1 ...); UART n is
    /// COM(n + 2), because COM1 carries nanoFramework's wire protocol (debugger, deployment) on our targets.
    /// </summary>
    public static class BusControllers
    {
        public static int I2cBusId(int number)
        {
            return number + 1;
        }

        public static int SpiBusId(int number)
        {
            return number + 1;
        }

        public static int UartIndex(int number)
        {
            return number + 2;
        }

        /// <summary>"COM2" for UART 0; SerialPort reads one digit after "COM", so 0-7 are valid.</summary>
        public static string UartPortName(int number)
        {
            return "COM" + UartIndex(number);
        }
    }
}
