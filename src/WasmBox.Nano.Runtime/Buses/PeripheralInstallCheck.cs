using System.Collections;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// Install-time checks of the SPI devices, UARTs, PWM and ADC channels a container declares:
    /// each well formed and declared once, inside the tenant's grants, present on the board and
    /// wired to the pins the manifest expects; and none held by another tenant.
    /// </summary>
    public static class PeripheralInstallCheck
    {
        /// <summary>Null when every declaration fits the grants and the board, else the refusal.</summary>
        public static InstallResult Check(TenantPolicy policy, ContainerManifest m, BusArbiter buses, string who)
        {
            PeripheralNeeds needs = m.DeclaredPeripherals;
            PeripheralGrants grants = policy.Peripherals;
            InstallResult refusal = CheckSpi(needs.Spi, grants, buses, who);
            if (refusal == null)
            {
                refusal = CheckUarts(needs.Uart, grants, buses, who);
            }
            if (refusal == null)
            {
                refusal = CheckChannels("PWM", needs.Pwm, grants.PwmChannels, buses, who);
            }
            if (refusal == null)
            {
                refusal = CheckChannels("ADC", needs.Adc, grants.AdcChannels, buses, who);
            }
            return refusal;
        }

        /// <summary>Null unless another tenant's container already holds a declared chip select, port or channel.</summary>
        public static InstallResult CheckClaims(Tenant tenant, ContainerManifest m, ArrayList containers)
        {
            PeripheralNeeds mine = m.DeclaredPeripherals;
            for (int i = 0; i < containers.Count; i++)
            {
                Container other = (Container)containers[i];
                if (other.Tenant == tenant)
                {
                    continue;
                }
                string held = FirstShared(mine, other.Manifest.DeclaredPeripherals);
                if (held != null)
                {
                    return InstallResult.Refused(InstallError.BusDeviceClaimed, held + " is held by tenant '" + other.Tenant.Id
                        + "' (container '" + other.Name + "')");
                }
            }
            return null;
        }

        private static InstallResult CheckSpi(SpiDevice[] devices, PeripheralGrants grants, BusArbiter buses, string who)
        {
            for (int i = 0; i < devices.Length; i++)
            {
                SpiDevice d = devices[i];
                string problem = d.Problem();
                if (problem != null)
                {
                    return BadManifest("spi device " + i + ": " + problem);
                }
                for (int k = 0; k < i; k++)
                {
                    if (devices[k].Handle == d.Handle)
                    {
                        return BadManifest(d + " is declared twice");
                    }
                }
                if (!grants.Covers(d))
                {
                    return InstallResult.Refused(InstallError.BusDeviceNotGranted, d + " is outside the SPI buses and chip selects granted to " + who);
                }
                ISpiBus bus = buses.FindSpi(d.Bus);
                if (bus == null)
                {
                    return Unknown("the board has no SPI bus " + d.Bus);
                }
                if (bus.MosiPin != d.MosiPin || bus.MisoPin != d.MisoPin || bus.ClockPin != d.ClockPin)
                {
                    return Unknown(d + " expects other pins than the board's SPI bus " + d.Bus + " (mosi " + bus.MosiPin
                        + ", miso " + bus.MisoPin + ", sck " + bus.ClockPin + ")");
                }
            }
            return null;
        }

        private static InstallResult CheckUarts(UartUse[] uarts, PeripheralGrants grants, BusArbiter buses, string who)
        {
            for (int i = 0; i < uarts.Length; i++)
            {
                UartUse u = uarts[i];
                string problem = u.Problem();
                if (problem != null)
                {
                    return BadManifest("uart " + i + ": " + problem);
                }
                for (int k = 0; k < i; k++)
                {
                    if (uarts[k].Port == u.Port)
                    {
                        return BadManifest("uart " + u.Port + " is declared twice");
                    }
                }
                if (!PinSet.Contains(grants.UartPorts, u.Port))
                {
                    return InstallResult.Refused(InstallError.BusDeviceNotGranted, u + " is not among the UART ports granted to " + who);
                }
                IUartPort port = buses.FindUart(u.Port);
                if (port == null)
                {
                    return Unknown("the board has no UART " + u.Port);
                }
                if (port.TxPin != u.TxPin || port.RxPin != u.RxPin)
                {
                    return Unknown(u + " expects other pins than the board's UART " + u.Port + " (tx " + port.TxPin + ", rx " + port.RxPin + ")");
                }
            }
            return null;
        }

        private static InstallResult CheckChannels(string kind, ChannelUse[] channels, int[] granted, BusArbiter buses, string who)
        {
            bool pwm = kind == "PWM";
            for (int i = 0; i < channels.Length; i++)
            {
                ChannelUse c = channels[i];
                string problem = c.Problem();
                if (problem != null)
                {
                    return BadManifest(kind + " " + i + ": " + problem);
                }
                if (PeripheralNeeds.FindChannel(channels, c.Channel) != c)
                {
                    return BadManifest(kind + " channel " + c.Channel + " is declared twice");
                }
                if (!PinSet.Contains(granted, c.Channel))
                {
                    return InstallResult.Refused(InstallError.BusDeviceNotGranted, c.Describe(kind) + " is not among the "
                        + kind + " channels granted to " + who);
                }
                int pin = pwm ? PwmPin(buses, c.Channel) : AdcPin(buses, c.Channel);
                if (pin < 0)
                {
                    return Unknown("the board has no " + kind + " channel " + c.Channel);
                }
                if (pin != c.Pin)
                {
                    return Unknown(c.Describe(kind) + " expects another pin than the board's, " + pin);
                }
            }
            return null;
        }

        private static int PwmPin(BusArbiter buses, int channel)
        {
            IPwmChannel c = buses.FindPwm(channel);
            return c == null ? -1 : c.Pin;
        }

        private static int AdcPin(BusArbiter buses, int channel)
        {
            IAdcChannel c = buses.FindAdc(channel);
            return c == null ? -1 : c.Pin;
        }

        /// <summary>"spi 0 cs 5" / "uart 1" / "pwm 0" / "adc 3" when both declare it, else null.</summary>
        private static string FirstShared(PeripheralNeeds mine, PeripheralNeeds theirs)
        {
            for (int i = 0; i < mine.Spi.Length; i++)
            {
                if (theirs.FindSpi(mine.Spi[i].Handle) != null)
                {
                    return "spi " + mine.Spi[i].Bus + " cs " + mine.Spi[i].ChipSelectPin;
                }
            }
            for (int i = 0; i < mine.Uart.Length; i++)
            {
                if (theirs.FindUart(mine.Uart[i].Port) != null)
                {
                    return "uart " + mine.Uart[i].Port;
                }
            }
            string channel = FirstSharedChannel("pwm", mine.Pwm, theirs.Pwm);
            return channel != null ? channel : FirstSharedChannel("adc", mine.Adc, theirs.Adc);
        }

        private static string FirstSharedChannel(string kind, ChannelUse[] mine, ChannelUse[] theirs)
        {
            for (int i = 0; i < mine.Length; i++)
            {
                if (PeripheralNeeds.FindChannel(theirs, mine[i].Channel) != null)
                {
                    return kind + " " + mine[i].Channel;
                }
            }
            return null;
        }

        private static InstallResult BadManifest(string reason)
        {
            return InstallResult.Refused(InstallError.BadManifest, reason);
        }

        private static InstallResult Unknown(string reason)
        {
            return InstallResult.Refused(InstallError.BusUnknown, reason);
        }
    }
}
