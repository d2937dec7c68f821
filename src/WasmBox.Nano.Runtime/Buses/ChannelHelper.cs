using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// 0xB6 pwm_set(channel, frequency_hz, duty) with duty in 1/10,000 (0 stops it low), returning
    /// 0; and 0xB7 adc_read(channel), returning the raw reading (0 to 2^bits - 1). Each on a
    /// channel the container declared; else a negative errno: -EINVAL a frequency outside
    /// 1-<see cref="MaxFrequencyHz"/> or a duty above 10,000, -EACCES (counted) an undeclared
    /// channel, -EBUSY the channel stayed busy, or the channel's own error. The time a conversion
    /// takes is charged to the run. Allocates nothing.
    /// </summary>
    public sealed class ChannelHelper : BusHelper
    {
        public const int MaxFrequencyHz = 40000000;
        public const int FullDuty = 10000;

        public ChannelHelper(Container container, int id)
            : base(container, id)
        {
        }

        protected override VmStatus Call(WasmBox.Nano.Vm.Vm vm, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out ulong result)
        {
            bool pwm = Id == HelperIds.PwmSet;
            if (pwm && (r2 == 0 || r2 > MaxFrequencyHz || r3 > FullDuty))
            {
                return Invalid(out result);
            }
            PeripheralNeeds needs = Container.Manifest.DeclaredPeripherals;
            ChannelUse use = r1 > int.MaxValue ? null : PeripheralNeeds.FindChannel(pwm ? needs.Pwm : needs.Adc, (int)r1);
            if (use == null)
            {
                result = Deny((int)r1);
                return VmStatus.Ok;
            }
            BusGate gate = pwm ? Buses.PwmGate(use.Channel) : Buses.AdcGate(use.Channel);
            if (!Enter(vm, gate, 0))
            {
                result = Errno.Result(Errno.Busy);
                return VmStatus.Ok;
            }
            int micros = 0;
            int value;
            try
            {
                value = pwm ? Buses.FindPwm(use.Channel).Set((int)r2, (int)r3) : Buses.FindAdc(use.Channel).Read(out micros);
            }
            finally
            {
                gate.Exit();
            }
            Bill(vm, micros, 0);
            result = (ulong)(long)value;
            return VmStatus.Ok;
        }
    }
}
