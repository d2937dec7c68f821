using System.Collections.Concurrent;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Tests.Support;

internal sealed record Edge(int Pin, bool Rising, long TimestampMs);

internal sealed class RecordingEdgeHandler : IGpioEdgeHandler
{
    private readonly ConcurrentQueue<Edge> _edges = new();

    public IReadOnlyList<Edge> Edges => _edges.ToArray();

    public void OnEdge(int pin, bool rising, long timestampMs) => _edges.Enqueue(new Edge(pin, rising, timestampMs));
}
