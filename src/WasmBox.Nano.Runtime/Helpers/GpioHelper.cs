using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Helpers
{
    /// <summary>
    /// 0x70 gpio_read(pin): 0 or 1. 0x71 gpio_write(pin, value): 0. 0x72 gpio_toggle(pin):
    /// the new level. The pin must be one the container declared (and its tenant was
    /// granted); write and toggle need it declared as output. Otherwise -EACCES, counted.
    /// </summary>
    public sealed class GpioHelper : RuntimeHelper
    {
        public GpioHelper(Container container, int id)
            : base(container, id)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            PinGrant pin = r1 > int.MaxValue ? null : Container.FindPin((int)r1);
            bool writes = Id != HelperIds.GpioRead;
            if (pin == null || (writes && !pin.Writable))
            {
                result = Deny((int)r1);
                return VmStatus.Ok;
            }
            IGpio gpio = Container.Services.Gpio;
            switch (Id)
            {
                case HelperIds.GpioRead:
                    result = gpio.Read(pin.Pin) ? 1UL : 0UL;
                    break;
                case HelperIds.GpioWrite:
                    gpio.Write(pin.Pin, r2 != 0);
                    result = 0;
                    break;
                default:
                    bool level = !gpio.Read(pin.Pin);
                    gpio.Write(pin.Pin, level);
                    result = level ? 1UL : 0UL;
                    break;
            }
            return VmStatus.Ok;
        }
    }
}
