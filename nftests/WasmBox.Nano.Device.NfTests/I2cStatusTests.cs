using nanoFramework.TestFramework;
using WasmBox.Nano.Device.Buses;

namespace WasmBox.Nano.Device.NfTests
{
    /// <summary>System.Device.I2c's transfer status as the tenant's errno, and the speed mode a declared clock gets.</summary>
    [TestClass]
    public class I2cStatusTests
    {
        [TestMethod]
        [DataRow(I2cStatus.FullTransfer, 0)]
        [DataRow(I2cStatus.SlaveAddressNotAcknowledged, -6)]
        [DataRow(I2cStatus.PartialTransfer, -5)]
        [DataRow(I2cStatus.ClockStretchTimeout, -5)]
        [DataRow(I2cStatus.UnknownError, -5)]
        [DataRow(99, -5)]
        public void Status_maps_to_errno(int status, int errno)
        {
            Assert.AreEqual(errno, I2cStatus.ToErrno(status));
        }

        [TestMethod]
        [DataRow(10000, I2cStatus.StandardMode)]
        [DataRow(100000, I2cStatus.StandardMode)]
        [DataRow(399999, I2cStatus.StandardMode)]
        [DataRow(400000, I2cStatus.FastMode)]
        [DataRow(999999, I2cStatus.FastMode)]
        [DataRow(1000000, I2cStatus.FastModePlus)]
        public void A_device_is_never_clocked_above_its_declared_speed(int speedHz, int mode)
        {
            Assert.AreEqual(mode, I2cStatus.SpeedMode(speedHz));
        }
    }
}
