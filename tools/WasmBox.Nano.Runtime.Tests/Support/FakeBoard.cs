using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Policy;

namespace WasmBox.Nano.Runtime.Tests.Support;

/// <summary>An in-memory board for tests: pins 0..15 (all modes), three sensors, a manual clock.</summary>
public sealed class FakeBoard : IBoard
{
    public FakeGpio FakeGpio { get; } = new();
    public FakeSensors FakeSensors { get; } = new();
    public ManualClock FakeClock { get; } = new();
    public ListLog FakeLog { get; } = new();

    public string DeviceId => "test-board";
    public IGpio Gpio => FakeGpio;
    public ISensorBus Sensors => FakeSensors;
    public IClock Clock => FakeClock;
    public IStorage Storage => throw new NotSupportedException("the runtime core never touches storage");
    public ILogSink Log => FakeLog;
    public int HeapBudgetBytes => 1 << 20;
}

public sealed class ManualClock : IClock
{
    public long NowMs { get; set; } = 1000;
}

public sealed class ListLog : ILogSink
{
    public List<(string Source, string Line)> Lines { get; } = new();

    public void Write(string source, string line)
    {
        lock (Lines)
        {
            Lines.Add((source, line));
        }
    }
}

public sealed class FakeGpio : IGpio
{
    public const int PinCount = 16;
    private readonly bool[] _levels = new bool[PinCount];
    private readonly IGpioEdgeHandler?[] _handlers = new IGpioEdgeHandler?[PinCount];

    public Dictionary<int, PinDriveMode> Open { get; } = new();

    public bool IsModeSupported(int pin, PinDriveMode mode) => pin >= 0 && pin < PinCount;

    public bool OpenPin(int pin, PinDriveMode mode)
    {
        if (!IsModeSupported(pin, mode) || Open.ContainsKey(pin))
        {
            return false;
        }
        Open[pin] = mode;
        return true;
    }

    public void ClosePin(int pin) => Open.Remove(pin);

    public void Write(int pin, bool high) => _levels[pin] = high;

    public bool Read(int pin) => _levels[pin];

    public void SetEdgeHandler(int pin, IGpioEdgeHandler handler) => _handlers[pin] = handler;

    public bool HasHandler(int pin) => _handlers[pin] != null;

    /// <summary>Simulates an edge from outside (a button press).</summary>
    public void Edge(int pin, bool rising, long timestampMs)
    {
        _levels[pin] = rising;
        _handlers[pin]?.OnEdge(pin, rising, timestampMs);
    }
}

public sealed class FakeSensors : ISensorBus
{
    public const int TemperatureType = 0x82;
    public const int LedType = 0x42;

    public List<(string Name, int Type, int Value, int Scale, bool Actuator)> Devices { get; } = new()
    {
        ("temp0", TemperatureType, 2345, -2, false),
        ("hum0", 0x83, 51, 0, false),
        ("led0", LedType, 0, 0, true),
    };

    public Dictionary<int, int> Written { get; } = new();

    public int Count => Devices.Count;
    public int TypeOf(int index) => Devices[index].Type;
    public string NameOf(int index) => Devices[index].Name;

    public bool Read(int index, out int value, out int scale)
    {
        value = Devices[index].Value;
        scale = Devices[index].Scale;
        return true;
    }

    public bool Write(int index, int value)
    {
        if (!Devices[index].Actuator)
        {
            return false;
        }
        Written[index] = value;
        return true;
    }
}

public sealed class FakeTransport : IMessageTransport
{
    public bool IsConnected { get; set; } = true;
    public List<(string Topic, byte[] Payload, int Qos)> Published { get; } = new();
    public Dictionary<string, IMessageHandler> Subscriptions { get; } = new();

    public bool Publish(string topic, byte[] payload, int qos, bool retain)
    {
        Published.Add((topic, payload, qos));
        return true;
    }

    public void Subscribe(string topicFilter, int qos, IMessageHandler handler) => Subscriptions[topicFilter] = handler;

    public void Unsubscribe(string topicFilter) => Subscriptions.Remove(topicFilter);

    /// <summary>Delivers a message to every matching subscription, as a broker would.</summary>
    public void Deliver(string topic, byte[] payload)
    {
        foreach (var (filter, handler) in Subscriptions.ToList())
        {
            if (TopicFilter.Matches(filter, topic))
            {
                handler.OnMessage(topic, payload);
            }
        }
    }
}
