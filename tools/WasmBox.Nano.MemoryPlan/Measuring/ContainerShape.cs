using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.MemoryPlan.Measuring;

/// <summary>A container to measure and to budget: program size, helpers, data, payload, stack and hooks.</summary>
public sealed record ContainerShape(
    string Name,
    string Description,
    int Instructions,
    int[] Helpers,
    int DataBytes,
    int PayloadBytes,
    int StackFrames,
    int Hooks)
{
    /// <summary>A 32-instruction function on one timer hook, with the tenant defaults.</summary>
    public static ContainerShape Small { get; } = new("small", "32 instructions, 1 helper, 1 hook, 1 frame, 128 B payload",
        32, [HelperIds.NowMs], 0, TenantPolicy.DefaultPayloadBytes, 1, 1);

    /// <summary>200 instructions with 256 B of data, a 1 KB payload, a timer and an MQTT hook.</summary>
    public static ContainerShape Typical { get; } = new("typical", "200 instructions, 4 helpers, 256 B data, 1 KB payload, 2 hooks, 2 frames",
        200, [HelperIds.NowMs, HelperIds.StoreLocal, HelperIds.PayloadRead, HelperIds.MqttPublish], 256, 1024, 2, 2);

    /// <summary>2 KB of text (256 slots), 1 KB of data, a 1 KB payload, four frames and three hooks.</summary>
    public static ContainerShape Large { get; } = new("large", "2 KB text (256 slots), 8 helpers, 1 KB data, 1 KB payload, 3 hooks, 4 frames",
        256, [HelperIds.NowMs, HelperIds.StoreLocal, HelperIds.FetchLocal, HelperIds.PayloadRead, HelperIds.PayloadLength,
            HelperIds.MqttPublish, HelperIds.Log, HelperIds.FmtU32Dec], 1024, 1024, 4, 3);

    public static IReadOnlyList<ContainerShape> Standard { get; } = [Small, Typical, Large];

    /// <summary>The container a hardware profile's formula describes: an image of its maxImageBytes, its stack frames, tenant defaults, one hook.</summary>
    public static ContainerShape ForProfile(int maxImageBytes, int stackFrames) =>
        new("profile", maxImageBytes + " B image, " + stackFrames + " frames, 1 helper, 1 hook, 128 B payload",
            maxImageBytes / 8, [HelperIds.NowMs], 0, TenantPolicy.DefaultPayloadBytes, stackFrames, 1);

    public byte[] Code() => SamplePrograms.Straight(Instructions, Helpers);

    public int ImageBytes => Instructions * 8 + DataBytes;
}
