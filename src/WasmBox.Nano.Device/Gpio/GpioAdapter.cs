using System;
using System.Device.Gpio;
using WasmBox.Nano.Device.Board;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Gpio
{
    /// <summary>
    /// The runtime's <see cref="IGpio"/> over nanoFramework's <see cref="GpioController"/>. Only the profile's
    /// pins open, never reserved ones, and only in modes their capabilities and the chip allow (as on the
    /// simulator). Pin edges reach the handler on the driver's event thread, stamped with the board clock.
    /// Misuse (writing a pin that is not an open output, reading a closed pin) changes nothing, like the
    /// simulator, instead of letting the native driver throw into a tenant's helper call.
    /// </summary>
    public sealed class GpioAdapter : IGpio
    {
        private readonly object _sync = new object();
        private readonly GpioController _controller;
        private readonly BoardDescription _board;
        private readonly IClock _clock;
        private readonly ILogSink _log;
        private readonly PinChangeEventHandler _onPinChanged;

        // Indexed by pin number: the profile's pins are few and their numbers small (at most 1023).
        private readonly bool[] _open;
        private readonly PinDriveMode[] _modes;
        private readonly IGpioEdgeHandler[] _handlers;

        public GpioAdapter(BoardDescription board, IClock clock, ILogSink log)
        {
            _board = board;
            _clock = clock;
            _log = log;
            _controller = new GpioController();
            _onPinChanged = OnPinChanged;
            int size = HighestPin(board) + 1;
            _open = new bool[size];
            _modes = new PinDriveMode[size];
            _handlers = new IGpioEdgeHandler[size];
        }

        public bool IsModeSupported(int pin, PinDriveMode mode)
        {
            PinDescription description = _board.FindPin(pin);
            if (description == null || description.Reserved || !description.Has(RequiredCapabilities(mode)))
            {
                return false;
            }
            try
            {
                return _controller.IsPinModeSupported(pin, ToPinMode(mode));
            }
            catch (Exception e)
            {
                Report("pin " + pin + " mode check failed: " + e.Message);
                return false;
            }
        }

        public bool OpenPin(int pin, PinDriveMode mode)
        {
            if (!IsModeSupported(pin, mode))
            {
                return false;
            }
            lock (_sync)
            {
                try
                {
                    if (_open[pin])
                    {
                        // The controller refuses to open a pin twice; reopening changes the mode.
                        _controller.ClosePin(pin);
                        _open[pin] = false;
                    }
                    _controller.OpenPin(pin, ToPinMode(mode));
                    _open[pin] = true;
                    _modes[pin] = mode;
                    if (!IsInput(mode))
                    {
                        _handlers[pin] = null;
                    }
                    else if (_handlers[pin] != null)
                    {
                        _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, _onPinChanged);
                    }
                    return true;
                }
                catch (Exception e)
                {
                    Report("pin " + pin + " did not open: " + e.Message);
                    return false;
                }
            }
        }

        public void ClosePin(int pin)
        {
            lock (_sync)
            {
                if (!IsOpen(pin))
                {
                    return;
                }
                _open[pin] = false;
                _handlers[pin] = null;
                try
                {
                    _controller.ClosePin(pin);
                }
                catch (Exception e)
                {
                    Report("pin " + pin + " did not close: " + e.Message);
                }
            }
        }

        public void Write(int pin, bool high)
        {
            if (!IsOpen(pin) || _modes[pin] != PinDriveMode.Output)
            {
                Report("write to pin " + pin + ", which is not open as an output");
                return;
            }
            _controller.Write(pin, high);
        }

        public bool Read(int pin)
        {
            if (!IsOpen(pin))
            {
                Report("read of pin " + pin + ", which is not open");
                return false;
            }
            return (bool)_controller.Read(pin);
        }

        public void SetEdgeHandler(int pin, IGpioEdgeHandler handler)
        {
            lock (_sync)
            {
                if (handler == null)
                {
                    if (IsOpen(pin) && _handlers[pin] != null)
                    {
                        _controller.UnregisterCallbackForPinValueChangedEvent(pin, _onPinChanged);
                    }
                    if (pin >= 0 && pin < _handlers.Length)
                    {
                        _handlers[pin] = null;
                    }
                    return;
                }
                PinDescription description = _board.FindPin(pin);
                if (!IsOpen(pin) || !IsInput(_modes[pin]) || !description.Has(PinCapability.Interrupt))
                {
                    Report("edge handler on pin " + pin + ", which is not an open input with interrupt capability");
                    return;
                }
                if (_handlers[pin] == null)
                {
                    _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, _onPinChanged);
                }
                _handlers[pin] = handler;
            }
        }

        private void OnPinChanged(object sender, PinValueChangedEventArgs e)
        {
            int pin = e.PinNumber;
            IGpioEdgeHandler handler = pin >= 0 && pin < _handlers.Length ? _handlers[pin] : null;
            if (handler != null)
            {
                handler.OnEdge(pin, e.ChangeType == PinEventTypes.Rising, _clock.NowMs);
            }
        }

        private bool IsOpen(int pin)
        {
            return pin >= 0 && pin < _open.Length && _open[pin];
        }

        private void Report(string problem)
        {
            _log.Write("gpio", problem);
        }

        private static int HighestPin(BoardDescription board)
        {
            int highest = 0;
            for (int i = 0; i < board.Pins.Length; i++)
            {
                if (board.Pins[i].Number > highest)
                {
                    highest = board.Pins[i].Number;
                }
            }
            return highest;
        }

        private static bool IsInput(PinDriveMode mode)
        {
            return mode != PinDriveMode.Output;
        }

        private static int RequiredCapabilities(PinDriveMode mode)
        {
            switch (mode)
            {
                case PinDriveMode.Input:
                    return PinCapability.Input;
                case PinDriveMode.InputPullUp:
                    return PinCapability.Input | PinCapability.PullUp;
                case PinDriveMode.InputPullDown:
                    return PinCapability.Input | PinCapability.PullDown;
                case PinDriveMode.Output:
                    return PinCapability.Output;
                default:
                    return -1;
            }
        }

        private static PinMode ToPinMode(PinDriveMode mode)
        {
            switch (mode)
            {
                case PinDriveMode.InputPullUp:
                    return PinMode.InputPullUp;
                case PinDriveMode.InputPullDown:
                    return PinMode.InputPullDown;
                case PinDriveMode.Output:
                    return PinMode.Output;
                default:
                    return PinMode.Input;
            }
        }
    }
}
