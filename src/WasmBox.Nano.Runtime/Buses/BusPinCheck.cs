using System.Collections;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// Keeps bus pins out of GPIO: a pin a board bus, port or channel occupies (I2C SDA/SCL, SPI
    /// MOSI/MISO/SCK, UART TX/RX, PWM and ADC pins) or a declared SPI chip select is never a
    /// tenant's GPIO pin, whether needed in a manifest or granted in a policy; and one chip-select
    /// pin is never used by two tenants, nor as another container's GPIO pin.
    /// </summary>
    public static class BusPinCheck
    {
        /// <summary>Null unless the manifest's GPIO needs, chip selects or the tenant's GPIO grants meet a bus pin.</summary>
        public static InstallResult Check(TenantPolicy policy, ContainerManifest m, BusArbiter buses, string who)
        {
            for (int i = 0; i < policy.PinCount; i++)
            {
                int pin = policy.PinAt(i).Pin;
                string bus = buses.PinOwner(pin);
                if (bus != null)
                {
                    return Conflict(who + " is granted GPIO pin " + pin + ", which " + bus + " occupies; take the pin out of its policy");
                }
            }
            SpiDevice[] spi = m.DeclaredPeripherals.Spi;
            for (int i = 0; i < spi.Length; i++)
            {
                int cs = spi[i].ChipSelectPin;
                string bus = buses.PinOwner(cs);
                if (bus != null)
                {
                    return Conflict(spi[i] + " uses pin " + cs + " as chip select, which " + bus + " occupies");
                }
                if (policy.FindPin(cs) != null || GpioUses(m, cs))
                {
                    return Conflict(spi[i] + " uses pin " + cs + " as chip select, which is also a GPIO pin of " + who);
                }
            }
            for (int i = 0; i < m.Pins.Length; i++)
            {
                string bus = buses.PinOwner(m.Pins[i].Pin);
                if (bus != null)
                {
                    return Conflict("GPIO pin " + m.Pins[i].Pin + " is occupied by " + bus);
                }
            }
            return null;
        }

        /// <summary>Null unless an installed container uses a chip select of this manifest as GPIO or as another tenant's chip select, or the reverse.</summary>
        public static InstallResult CheckClaims(Tenant tenant, ContainerManifest m, ArrayList containers)
        {
            for (int i = 0; i < containers.Count; i++)
            {
                Container other = (Container)containers[i];
                ContainerManifest theirs = other.Manifest;
                string where = " by tenant '" + other.Tenant.Id + "' (container '" + other.Name + "')";
                int pin = FirstChipSelectUsedAsGpio(m, theirs);
                if (pin < 0)
                {
                    pin = FirstChipSelectUsedAsGpio(theirs, m);
                }
                if (pin >= 0)
                {
                    return Conflict("pin " + pin + " is a chip select and a GPIO pin" + where);
                }
                pin = other.Tenant == tenant ? -1 : FirstSharedChipSelect(m.DeclaredPeripherals.Spi, theirs.DeclaredPeripherals.Spi);
                if (pin >= 0)
                {
                    return Conflict("chip-select pin " + pin + " is used" + where);
                }
            }
            return null;
        }

        private static int FirstChipSelectUsedAsGpio(ContainerManifest chipSelects, ContainerManifest gpio)
        {
            SpiDevice[] spi = chipSelects.DeclaredPeripherals.Spi;
            for (int i = 0; i < spi.Length; i++)
            {
                if (GpioUses(gpio, spi[i].ChipSelectPin))
                {
                    return spi[i].ChipSelectPin;
                }
            }
            return -1;
        }

        private static int FirstSharedChipSelect(SpiDevice[] mine, SpiDevice[] theirs)
        {
            for (int i = 0; i < mine.Length; i++)
            {
                for (int k = 0; k < theirs.Length; k++)
                {
                    if (mine[i].ChipSelectPin == theirs[k].ChipSelectPin)
                    {
                        return mine[i].ChipSelectPin;
                    }
                }
            }
            return -1;
        }

        private static bool GpioUses(ContainerManifest m, int pin)
        {
            for (int i = 0; i < m.Pins.Length; i++)
            {
                if (m.Pins[i].Pin == pin)
                {
                    return true;
                }
            }
            return false;
        }

        private static InstallResult Conflict(string reason)
        {
            return InstallResult.Refused(InstallError.BusPinConflict, reason);
        }
    }
}
