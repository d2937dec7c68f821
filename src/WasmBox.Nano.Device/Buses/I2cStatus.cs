using WasmBox.Nano.Runtime.Helpers;

namespace WasmBox.Nano.Device.Buses
{
    /// <summary>
    /// What System.Device.I2c's answers mean to a tenant. The constants are the numeric values of
    /// I2cTransferStatus and I2cBusSpeed (a host test compares them with the facade), kept as numbers so
    /// this logic runs in the device tests on nanoCLR, which has no I2C assembly.
    /// </summary>
    public static class I2cStatus
    {
        public const int UnknownError = 0;
        public const int FullTransfer = 1;
        public const int ClockStretchTimeout = 2;
        public const int PartialTransfer = 3;
        public const int SlaveAddressNotAcknowledged = 4;

        public const int StandardMode = 0;
        public const int FastMode = 1;
        public const int FastModePlus = 2;

        /// <summary>0, -ENXIO when no device answered its address, -EIO for everything else that went wrong.</summary>
        public static int ToErrno(int status)
        {
            switch (status)
            {
                case FullTransfer:
                    return 0;
                case SlaveAddressNotAcknowledged:
                    return -Errno.NoDevice;
                default:
                    // A refused data byte, a clock stretched too long or an unknown failure: the device is there but the transfer broke.
                    return -Errno.Io;
            }
        }

        /// <summary>
        /// The fastest standard mode not above <paramref name="speedHz"/> (the API has three fixed speeds):
        /// a device declared at 400 kHz is never clocked faster than it said it can take.
        /// </summary>
        public static int SpeedMode(int speedHz)
        {
            if (speedHz >= 1000000)
            {
                return FastModePlus;
            }
            return speedHz >= 400000 ? FastMode : StandardMode;
        }
    }
}
