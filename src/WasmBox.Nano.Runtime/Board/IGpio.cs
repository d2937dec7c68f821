namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>How a pin is driven, mirroring System.Device.Gpio.PinMode's common values.</summary>
    public enum PinDriveMode
    {
        Input = 0,
        InputPullUp = 1,
        InputPullDown = 2,
        Output = 3,
    }

    /// <summary>Receives pin edges; implemented by the runtime's GPIO-edge hook.</summary>
    public interface IGpioEdgeHandler
    {
        void OnEdge(int pin, bool rising, long timestampMs);
    }

    /// <summary>
    /// General-purpose I/O of the board. Shaped after nanoFramework's GpioController
    /// (OpenPin/Write/Read/RegisterCallbackForPinValueChangedEvent) so the device adapter is a
    /// thin wrapper; the simulator implements it over the hardware profile's pin list.
    /// </summary>
    public interface IGpio
    {
        /// <summary>True when the board has the pin and it supports <paramref name="mode"/>.</summary>
        bool IsModeSupported(int pin, PinDriveMode mode);

        /// <summary>Opens the pin in a mode; false when the pin or mode does not exist.</summary>
        bool OpenPin(int pin, PinDriveMode mode);

        void ClosePin(int pin);

        void Write(int pin, bool high);

        bool Read(int pin);

        /// <summary>Routes rising and falling edges of an input pin to the handler (null removes it).</summary>
        void SetEdgeHandler(int pin, IGpioEdgeHandler handler);
    }
}
