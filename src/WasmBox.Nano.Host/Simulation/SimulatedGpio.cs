using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Simulation;

/// <summary>
/// The profile's pins as live state. Pins only open in modes their capabilities allow; reserved
/// pins never open. An input's level is what drives it from outside (a button, a wire from an
/// output, a test) or else its pull; outputs read back what was written. Level changes on an open
/// input with a handler raise edges, delivered on the thread that caused them after the internal
/// lock is released (so a handler may call back into the GPIO). Misuse that real hardware would
/// refuse (writing an input, reading a closed pin) changes nothing and is counted and reported.
/// </summary>
public sealed class SimulatedGpio : IGpio
{
    private readonly Dictionary<int, PinSlot> _pins;
    private readonly Dictionary<string, ButtonSpec> _buttons;
    private readonly Dictionary<string, LedSpec> _leds;
    private readonly Dictionary<int, List<int>> _wires = new();
    private readonly IClock _clock;
    private readonly Action<string>? _reportRejection;
    private readonly Lock _gate = new();
    private int _rejected;

    public SimulatedGpio(HardwareProfile profile, IClock clock, Action<string>? reportRejection = null)
    {
        _clock = clock;
        _reportRejection = reportRejection;
        _pins = profile.Pins.ToDictionary(p => p.Number, p => new PinSlot(p));
        _buttons = profile.Buttons.ToDictionary(b => b.Name);
        _leds = profile.Leds.ToDictionary(l => l.Name);
        foreach (LedSpec led in profile.Leds)
        {
            _pins[led.Pin].Led = led;
        }

        foreach (ButtonSpec button in profile.Buttons)
        {
            PinSlot slot = _pins[button.Pin];
            slot.Button = button;
            slot.ExternalDrive = IsHigh(button.ActiveLevel, active: false);
            slot.LastLevel = slot.EffectiveLevel;
        }
    }

    /// <summary>Raised after a pin's mode or level changed, with the pin number (for live views).</summary>
    public event Action<int>? PinChanged;

    /// <summary>Operations refused because the pin or its mode did not allow them.</summary>
    public int RejectedOperations => Volatile.Read(ref _rejected);

    public bool IsModeSupported(int pin, PinDriveMode mode) =>
        _pins.TryGetValue(pin, out PinSlot? slot) && !slot.Spec.Reserved && slot.Spec.Has(RequiredCapabilities(mode));

    public bool OpenPin(int pin, PinDriveMode mode)
    {
        if (!IsModeSupported(pin, mode))
        {
            return false;
        }

        Apply(pin, slot =>
        {
            slot.Mode = mode;
            slot.OutputLevel = false;
            if (!IsInput(mode))
            {
                slot.Handler = null;
            }
        });
        return true;
    }

    public void ClosePin(int pin)
    {
        if (_pins.ContainsKey(pin))
        {
            Apply(pin, slot =>
            {
                slot.Mode = null;
                slot.Handler = null;
            });
        }
    }

    public void Write(int pin, bool high)
    {
        if (!_pins.TryGetValue(pin, out PinSlot? slot) || ModeOf(slot) != PinDriveMode.Output)
        {
            Reject("write to pin " + pin + ", which is not open as an output");
            return;
        }

        Apply(pin, s => s.OutputLevel = high);
    }

    public bool Read(int pin)
    {
        if (!_pins.TryGetValue(pin, out PinSlot? slot) || ModeOf(slot) is null)
        {
            Reject("read of pin " + pin + ", which is not open");
            return false;
        }

        lock (_gate)
        {
            return slot.EffectiveLevel;
        }
    }

    public void SetEdgeHandler(int pin, IGpioEdgeHandler? handler)
    {
        if (!_pins.TryGetValue(pin, out PinSlot? slot))
        {
            Reject("edge handler on pin " + pin + ", which the board does not have");
            return;
        }

        lock (_gate)
        {
            if (handler is not null && (slot.Mode is not { } mode || !IsInput(mode) || !slot.Spec.Has(PinCapabilities.Interrupt)))
            {
                Reject("edge handler on pin " + pin + ", which is not an open input with interrupt capability");
                return;
            }

            slot.Handler = handler;
        }
    }

    /// <summary>Presses a profile button (drives its pin to the active level); false for an unknown name.</summary>
    public bool PressButton(string name) => SetButton(name, pressed: true);

    public bool ReleaseButton(string name) => SetButton(name, pressed: false);

    /// <summary>Press then release: two edges on an open input with a handler.</summary>
    public bool ClickButton(string name) => PressButton(name) && ReleaseButton(name);

    /// <summary>
    /// Drives an input-capable pin from outside the board (null lets go, back to its pull).
    /// False when the pin cannot take input or is already driven by a button or a wire.
    /// </summary>
    public bool DriveInput(int pin, bool? level)
    {
        if (!_pins.TryGetValue(pin, out PinSlot? slot) || !slot.Spec.Has(PinCapabilities.Input) || slot.Button is not null)
        {
            return false;
        }

        lock (_gate)
        {
            if (IsWireTarget(pin))
            {
                return false;
            }
        }

        Apply(pin, s => s.ExternalDrive = level);
        return true;
    }

    /// <summary>
    /// Connects an output-capable pin to an input-capable one, as a jumper wire: the input then
    /// follows the output's level while the output is open. False when either end does not fit.
    /// </summary>
    public bool Wire(int outputPin, int inputPin)
    {
        if (outputPin == inputPin
            || !_pins.TryGetValue(outputPin, out PinSlot? source) || !source.Spec.Has(PinCapabilities.Output)
            || !_pins.TryGetValue(inputPin, out PinSlot? target) || !target.Spec.Has(PinCapabilities.Input)
            || target.Button is not null)
        {
            return false;
        }

        lock (_gate)
        {
            if (IsWireTarget(inputPin))
            {
                return false;
            }

            if (!_wires.TryGetValue(outputPin, out List<int>? targets))
            {
                _wires[outputPin] = targets = [];
            }

            targets.Add(inputPin);
        }

        Apply(outputPin, _ => { });
        return true;
    }

    /// <summary>True when the LED's pin is open as an output at the LED's active level.</summary>
    public bool IsLedOn(string name)
    {
        if (!_leds.TryGetValue(name, out LedSpec? led))
        {
            return false;
        }

        lock (_gate)
        {
            PinSlot slot = _pins[led.Pin];
            return slot.Mode == PinDriveMode.Output && slot.EffectiveLevel == IsHigh(led.ActiveLevel, active: true);
        }
    }

    public IReadOnlyList<PinState> Snapshot()
    {
        lock (_gate)
        {
            return _pins.Values.OrderBy(s => s.Spec.Number).Select(s => new PinState(
                s.Spec.Number, s.Spec.Name, s.Spec.Capabilities, s.Spec.Reserved, s.Spec.Strapping, s.Mode, s.EffectiveLevel,
                s.Handler is not null, s.Led?.Name, s.Button?.Name,
                s.Button is not null && s.EffectiveLevel == IsHigh(s.Button.ActiveLevel, active: true))).ToList();
        }
    }

    private bool SetButton(string name, bool pressed)
    {
        if (!_buttons.TryGetValue(name, out ButtonSpec? button))
        {
            return false;
        }

        Apply(button.Pin, slot => slot.ExternalDrive = IsHigh(button.ActiveLevel, pressed));
        return true;
    }

    /// <summary>Changes one pin under the lock, propagates along wires, then reports changes and edges.</summary>
    private void Apply(int pin, Action<PinSlot> change)
    {
        var changed = new List<int>();
        var edges = new List<(IGpioEdgeHandler Handler, int Pin, bool Rising)>();
        long now = _clock.NowMs;
        lock (_gate)
        {
            change(_pins[pin]);
            changed.Add(pin);
            if (_wires.TryGetValue(pin, out List<int>? targets))
            {
                PinSlot source = _pins[pin];
                bool? drive = source.Mode == PinDriveMode.Output ? source.OutputLevel : null;
                foreach (int target in targets)
                {
                    _pins[target].ExternalDrive = drive;
                    changed.Add(target);
                }
            }

            foreach (int number in changed)
            {
                PinSlot slot = _pins[number];
                bool level = slot.EffectiveLevel;
                if (level != slot.LastLevel)
                {
                    slot.LastLevel = level;
                    if (slot.Handler is not null && slot.Mode is { } mode && IsInput(mode))
                    {
                        edges.Add((slot.Handler, number, level));
                    }
                }
            }
        }

        foreach (int number in changed)
        {
            PinChanged?.Invoke(number);
        }

        foreach (var (handler, number, rising) in edges)
        {
            handler.OnEdge(number, rising, now);
        }
    }

    private PinDriveMode? ModeOf(PinSlot slot)
    {
        lock (_gate)
        {
            return slot.Mode;
        }
    }

    private bool IsWireTarget(int pin) => _wires.Values.Any(targets => targets.Contains(pin));

    private void Reject(string what)
    {
        Interlocked.Increment(ref _rejected);
        _reportRejection?.Invoke("refused " + what);
    }

    private static bool IsInput(PinDriveMode mode) => mode != PinDriveMode.Output;

    private static bool IsHigh(ActiveLevel activeLevel, bool active) => (activeLevel == ActiveLevel.High) == active;

    private static PinCapabilities RequiredCapabilities(PinDriveMode mode) => mode switch
    {
        PinDriveMode.Input => PinCapabilities.Input,
        PinDriveMode.InputPullUp => PinCapabilities.Input | PinCapabilities.PullUp,
        PinDriveMode.InputPullDown => PinCapabilities.Input | PinCapabilities.PullDown,
        PinDriveMode.Output => PinCapabilities.Output,
        _ => (PinCapabilities)(-1),
    };

    /// <summary>Mutable state of one pin; only touched under the GPIO's lock.</summary>
    private sealed class PinSlot(PinSpec spec)
    {
        public PinSpec Spec { get; } = spec;

        public PinDriveMode? Mode { get; set; }

        public bool OutputLevel { get; set; }

        /// <summary>Level forced from outside (button, wire, test), or null when nothing drives the pin.</summary>
        public bool? ExternalDrive { get; set; }

        public IGpioEdgeHandler? Handler { get; set; }

        public LedSpec? Led { get; set; }

        public ButtonSpec? Button { get; set; }

        public bool LastLevel { get; set; }

        public bool EffectiveLevel => Mode == PinDriveMode.Output ? OutputLevel : ExternalDrive ?? Mode == PinDriveMode.InputPullUp;
    }
}
