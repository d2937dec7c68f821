// Mirrors nanoFramework.System.Device.Pwm 1.1.23 (System.Device.Pwm), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/System.Device.Pwm tag v1.1.23.

namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        internal PwmChannel() { }

        public int Frequency { get { throw null; } set { throw null; } }

        public double DutyCycle { get { throw null; } set { throw null; } }

        public void Start() { throw null; }

        public void Stop() { throw null; }

        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) { throw null; }

        public void Dispose() { throw null; }
    }
}
