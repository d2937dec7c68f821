using System.Collections;
using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>The install checks against the containers already installed: devices, ports, channels and pins held by others.</summary>
    public static class BusClaims
    {
        /// <summary>Null unless something the manifest declares is held by another tenant or clashes with an installed container's pins.</summary>
        public static InstallResult Check(Tenant tenant, ContainerManifest m, ArrayList containers)
        {
            InstallResult refusal = I2cInstallCheck.CheckClaims(tenant, m, containers);
            if (refusal == null)
            {
                refusal = PeripheralInstallCheck.CheckClaims(tenant, m, containers);
            }
            return refusal != null ? refusal : BusPinCheck.CheckClaims(tenant, m, containers);
        }
    }
}
