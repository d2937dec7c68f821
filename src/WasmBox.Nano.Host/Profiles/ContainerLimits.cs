using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Host.Profiles;

/// <summary>
/// The documented formula (hw-profiles/README.md, "Derived limits") that turns a heap budget into
/// the number of containers a board can hold. A profile's containerOverheadBytes is measured by
/// `wbx memory` (hw-profiles/README.md, "Memory plan"): the runtime's RamEstimate of the profile's
/// container minus the image and stack terms, so the formula agrees with the install check.
/// </summary>
public static class ContainerLimits
{
    /// <summary>Ceiling from the one-thread-per-container design, whatever the heap.</summary>
    public const int MaxContainersCap = 32;

    /// <summary>Pre-decoded program (14 bytes per 8-byte slot with the VM's own opcodes) plus data regions, rounded up to 2x the image.</summary>
    public const int ImageFactor = 2;

    /// <summary>One stack frame plus the five registers (r6-r9, r10) a local call saves.</summary>
    public const int BytesPerStackFrame = Vm.Vm.StackFrameSize + 5 * 8;

    /// <summary>The largest image the verifier accepts with its default instruction limit.</summary>
    public const int MaxImageBytes = VerifierOptions.DefaultMaxInstructions * 8;

    public const int MaxStackFrames = 64; // the Vm constructor's limit

    public static long BytesPerContainer(LimitSpec limits) =>
        (long)limits.ContainerOverheadBytes + (long)ImageFactor * limits.MaxImageBytes + (long)limits.StackFrames * BytesPerStackFrame;

    public static int MaxContainers(int managedHeapBytes, LimitSpec limits)
    {
        long available = (long)managedHeapBytes - limits.RuntimeReserveBytes;
        if (available <= 0)
        {
            return 0;
        }

        return (int)Math.Min(MaxContainersCap, available / BytesPerContainer(limits));
    }
}
