using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.MemoryPlan.DeviceHeap;
using WasmBox.Nano.MemoryPlan.Measuring;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.MemoryPlan.Planning;

/// <summary>
/// Budgets a hardware profile from live installs: containers of each shape are installed on a
/// simulated board of the profile (one tenant provisioned) until the runtime refuses one, so the
/// counts are what the runtime enforces, not a separate calculation.
/// </summary>
public static class BudgetPlanner
{
    /// <summary>Share of the managed heap kept free for fragmentation and transient allocations, up to <see cref="SafetyMarginCapBytes"/>.</summary>
    public const int SafetyMarginPercent = 10;

    public const int SafetyMarginCapBytes = 8192;

    public static ProfileBudget Plan(HardwareProfile profile)
    {
        LimitSpec limits = profile.Limits;
        ContainerShape reference = ContainerShape.ForProfile(limits.MaxImageBytes, limits.StackFrames);
        ShapeCapacity profileContainer = Capacity(profile, reference);
        int overhead = profileContainer.EstimateBytes - ContainerLimits.ImageFactor * limits.MaxImageBytes
            - limits.StackFrames * ContainerLimits.BytesPerStackFrame;
        LimitSpec derived = limits with { ContainerOverheadBytes = Math.Max(1, overhead) };
        return new ProfileBudget(
            profile.Id,
            profile.Memory.ManagedHeapBytes,
            limits.RuntimeReserveBytes,
            profile.ContainerHeapBytes,
            ComponentMeasurements.RuntimeCore(profile).Bytes,
            profile.Features.SignedUpdates ? BundlePeak(limits.MaxImageBytes) : 0,
            Math.Min(SafetyMarginCapBytes, (long)profile.Memory.ManagedHeapBytes * SafetyMarginPercent / 100),
            TenantReserve(profile),
            ContainerShape.Standard.Select(s => Capacity(profile, s)).ToList(),
            profileContainer,
            overhead,
            ContainerLimits.MaxContainers(profile.Memory.ManagedHeapBytes, derived),
            limits.MaxContainers);
    }

    /// <summary>The runtime's own reserve with the one tenant every capacity count provisions.</summary>
    private static int TenantReserve(HardwareProfile profile)
    {
        using var rig = new BoardRig(profile);
        rig.Provision(ComponentMeasurements.Tenant, TenantPolicy.DefaultPayloadBytes);
        return rig.Runtime.ReserveBytes;
    }

    /// <summary>Installs <paramref name="shape"/> until refused; the estimate is the first container's.</summary>
    public static ShapeCapacity Capacity(HardwareProfile profile, ContainerShape shape)
    {
        using var rig = new BoardRig(profile);
        rig.Provision(ComponentMeasurements.Tenant, shape.PayloadBytes);
        int estimate = 0;
        for (int i = 0; ; i++)
        {
            InstallResult r = rig.Install(ComponentMeasurements.Tenant, shape, "c" + i);
            if (!r.Ok)
            {
                return new ShapeCapacity(shape.Name, shape.Description, estimate == 0 ? Estimate(profile, shape) : estimate, i,
                    r.Error + ": " + r.Reason);
            }
            estimate = estimate == 0 ? r.Container.RamBytes : estimate;
        }
    }

    /// <summary>The estimate of a container that does not fit even once, from a board with an unlimited budget.</summary>
    private static int Estimate(HardwareProfile profile, ContainerShape shape)
    {
        using var rig = new BoardRig(BoardRig.Roomy(profile));
        rig.Provision(ComponentMeasurements.Tenant, shape.PayloadBytes);
        InstallResult r = rig.Install(ComponentMeasurements.Tenant, shape, "c");
        return r.Ok ? r.Container.RamBytes : throw new InvalidOperationException(r.Reason);
    }

    /// <summary>Peak of checking a bundle whose image fills the profile's maxImageBytes: buffer, opened image, P-256 scratch.</summary>
    public static long BundlePeak(int maxImageBytes)
    {
        var sample = new BundleSample(Math.Max(8, (maxImageBytes - 64) / 8));
        (var parsed, var image) = sample.Open();
        var graph = new DeviceGraph();
        long bytes = graph.Measure(sample.Bytes, parsed, image).Bytes;
        return bytes + graph.Measure(Internals.StaticField(typeof(WasmBox.Nano.Crypto.EcdsaP256), "_shared")).Bytes;
    }
}
