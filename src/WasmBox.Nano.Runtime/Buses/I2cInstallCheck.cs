using System.Collections;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>
    /// Install-time checks of the I2C devices a container declares: each well formed and
    /// declared once, inside the tenant's granted bus and address range, on a bus the board
    /// has and wired to the pins the manifest expects; and no address held by another tenant.
    /// </summary>
    public static class I2cInstallCheck
    {
        /// <summary>Null when every declared device fits the grant and the board, else the refusal.</summary>
        public static InstallResult Check(TenantPolicy policy, ContainerManifest m, BusArbiter buses, string who)
        {
            I2cDevice[] devices = m.I2cDevices;
            for (int i = 0; i < devices.Length; i++)
            {
                I2cDevice d = devices[i];
                string problem = d.Problem();
                if (problem != null)
                {
                    return InstallResult.Refused(InstallError.BadManifest, "i2c device " + i + ": " + problem);
                }
                for (int k = 0; k < i; k++)
                {
                    if (devices[k].Handle == d.Handle)
                    {
                        return InstallResult.Refused(InstallError.BadManifest, d + " is declared twice");
                    }
                }
                if (policy.FindI2cGrant(d) == null)
                {
                    return InstallResult.Refused(InstallError.BusDeviceNotGranted, d + " is outside the I2C buses and addresses granted to " + who);
                }
                II2cBus bus = buses.FindI2c(d.Bus);
                if (bus == null)
                {
                    return InstallResult.Refused(InstallError.BusUnknown, "the board has no I2C bus " + d.Bus);
                }
                if (bus.SdaPin != d.SdaPin || bus.SclPin != d.SclPin)
                {
                    return InstallResult.Refused(InstallError.BusUnknown, d + " expects other pins than the board's I2C bus "
                        + d.Bus + " (sda " + bus.SdaPin + ", scl " + bus.SclPin + ")");
                }
            }
            return null;
        }

        /// <summary>Null unless another tenant's container already holds one of the declared addresses.</summary>
        public static InstallResult CheckClaims(Tenant tenant, ContainerManifest m, ArrayList containers)
        {
            for (int i = 0; i < containers.Count; i++)
            {
                Container other = (Container)containers[i];
                if (other.Tenant == tenant)
                {
                    continue;
                }
                I2cDevice held = FirstShared(m.I2cDevices, other.Manifest.I2cDevices);
                if (held != null)
                {
                    return InstallResult.Refused(InstallError.BusDeviceClaimed, "i2c " + held.Bus + ":0x" + held.Address.ToString("x2")
                        + " is held by tenant '" + other.Tenant.Id + "' (container '" + other.Name + "')");
                }
            }
            return null;
        }

        private static I2cDevice FirstShared(I2cDevice[] mine, I2cDevice[] theirs)
        {
            for (int i = 0; i < mine.Length; i++)
            {
                for (int k = 0; k < theirs.Length; k++)
                {
                    if (mine[i].Handle == theirs[k].Handle)
                    {
                        return mine[i];
                    }
                }
            }
            return null;
        }
    }
}
