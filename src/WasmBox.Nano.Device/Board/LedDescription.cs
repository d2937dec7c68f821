namespace WasmBox.Nano.Device.Board
{
    /// <summary>An LED on an output pin; <see cref="ActiveHigh"/> says which level lights it.</summary>
    public sealed class LedDescription
    {
        public LedDescription(string name, int pin, bool activeHigh)
        {
            Name = name;
            Pin = pin;
            ActiveHigh = activeHigh;
        }

        public string Name { get; private set; }

        public int Pin { get; private set; }

        public bool ActiveHigh { get; private set; }
    }

    /// <summary>A push button on an input pin; <see cref="ActiveHigh"/> says which level means pressed.</summary>
    public sealed class ButtonDescription
    {
        public ButtonDescription(string name, int pin, bool activeHigh)
        {
            Name = name;
            Pin = pin;
            ActiveHigh = activeHigh;
        }

        public string Name { get; private set; }

        public int Pin { get; private set; }

        public bool ActiveHigh { get; private set; }
    }
}
