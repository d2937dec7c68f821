using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>Why an install was refused.</summary>
    public enum InstallError
    {
        None = 0,
        UnknownTenant,
        BadManifest,
        NameInUse,
        VerifyFailed,
        TooManyContainers,
        ImageTooLarge,
        HelperNotGranted,
        PinNotGranted,
        PinModeMismatch,
        PinUnsupported,
        SensorNotGranted,
        SensorUnknown,
        HookNotAllowed,
        RamBudgetExceeded,
        /// <summary>The board's heap budget (<c>IBoard.HeapBudgetBytes</c>) or its container ceiling is used up.</summary>
        BoardMemoryExhausted,
        /// <summary>A bus device, port or channel outside the tenant's grants.</summary>
        BusDeviceNotGranted,
        /// <summary>A bus, port or channel the board lacks, or wired to other pins than the manifest expects.</summary>
        BusUnknown,
        /// <summary>A bus device, port or channel another tenant's container already holds.</summary>
        BusDeviceClaimed,
        /// <summary>A GPIO need or grant on a pin a bus occupies, or a chip select on a pin already used otherwise.</summary>
        BusPinConflict,
    }

    /// <summary>The installed container, or the precise reason for refusing it.</summary>
    public sealed class InstallResult
    {
        internal InstallResult(Container container, InstallError error, string reason, VerifyResult verify)
        {
            Container = container;
            Error = error;
            Reason = reason;
            Verify = verify;
        }

        public bool Ok { get { return Container != null; } }

        public Container Container { get; private set; }

        public InstallError Error { get; private set; }

        public string Reason { get; private set; }

        /// <summary>The verifier's verdict (null when refused before verification).</summary>
        public VerifyResult Verify { get; private set; }

        internal static InstallResult Refused(InstallError error, string reason)
        {
            return new InstallResult(null, error, reason, null);
        }

        public override string ToString()
        {
            return Ok ? "installed " + Container.LogSource : "refused: " + Reason;
        }
    }
}
