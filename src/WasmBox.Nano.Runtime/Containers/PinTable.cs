using System.Collections;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>
    /// Opens each board pin once, in the mode its users declared, and closes it when the
    /// last container using it goes (GpioController refuses to open a pin twice).
    /// </summary>
    internal sealed class PinTable
    {
        private readonly ArrayList _uses = new ArrayList();

        /// <summary>Opens the container's pins; false (and nothing left open) when the board refuses one.</summary>
        public bool Acquire(IGpio gpio, PinGrant[] pins)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                PinUse use = Find(pins[i].Pin);
                if (use == null)
                {
                    if (!gpio.OpenPin(pins[i].Pin, pins[i].Mode))
                    {
                        Release(gpio, pins, i);
                        return false;
                    }
                    use = new PinUse(pins[i].Pin);
                    _uses.Add(use);
                }
                use.Count++;
            }
            return true;
        }

        public void Release(IGpio gpio, PinGrant[] pins)
        {
            Release(gpio, pins, pins.Length);
        }

        private void Release(IGpio gpio, PinGrant[] pins, int count)
        {
            for (int i = 0; i < count; i++)
            {
                PinUse use = Find(pins[i].Pin);
                if (use != null && --use.Count == 0)
                {
                    gpio.ClosePin(use.Pin);
                    _uses.Remove(use);
                }
            }
        }

        private PinUse Find(int pin)
        {
            for (int i = 0; i < _uses.Count; i++)
            {
                PinUse use = (PinUse)_uses[i];
                if (use.Pin == pin)
                {
                    return use;
                }
            }
            return null;
        }

        private sealed class PinUse
        {
            public readonly int Pin;
            public int Count;

            public PinUse(int pin)
            {
                Pin = pin;
            }
        }
    }
}
