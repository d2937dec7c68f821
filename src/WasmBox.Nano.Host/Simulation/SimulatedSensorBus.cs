using WasmBox.Nano.Host.Profiles;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Host.Simulation;

/// <summary>
/// The profile's sensors (indexes 0..n-1, in profile order) and actuators (after them) as a
/// SAUL-style registry. A sensor reads its signal at the board clock, so a stepped clock gives
/// exact, repeatable values; an actuator accepts writes within its range and reads them back.
/// </summary>
public sealed class SimulatedSensorBus : ISensorBus
{
    private readonly IReadOnlyList<SensorSpec> _sensors;
    private readonly IReadOnlyList<ActuatorSpec> _actuators;
    private readonly int[] _actuatorValues;
    private readonly IClock _clock;

    public SimulatedSensorBus(HardwareProfile profile, IClock clock)
    {
        _sensors = profile.Sensors;
        _actuators = profile.Actuators;
        _actuatorValues = profile.Actuators.Select(a => a.Initial).ToArray();
        _clock = clock;
    }

    public int Count => _sensors.Count + _actuators.Count;

    public int TypeOf(int index) =>
        Sensor(index) is { } s ? SensorTypes.Sensors[s.Type]
        : Actuator(index) is { } a ? SensorTypes.Actuators[a.Type]
        : 0;

    public string? NameOf(int index) => Sensor(index)?.Name ?? Actuator(index)?.Name;

    /// <summary>The bus index of a named device, or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Count; i++)
        {
            if (NameOf(i) == name)
            {
                return i;
            }
        }

        return -1;
    }

    public bool Read(int index, out int value, out int scale)
    {
        if (Sensor(index) is { } sensor)
        {
            value = sensor.Signal.ValueAt(_clock.NowMs);
            scale = sensor.Scale;
            return true;
        }

        if (Actuator(index) is { } actuator)
        {
            value = Volatile.Read(ref _actuatorValues[index - _sensors.Count]);
            scale = actuator.Scale;
            return true;
        }

        value = 0;
        scale = 0;
        return false;
    }

    public bool Write(int index, int value)
    {
        if (Actuator(index) is not { } actuator || value < actuator.Min || value > actuator.Max)
        {
            return false;
        }

        Volatile.Write(ref _actuatorValues[index - _sensors.Count], value);
        return true;
    }

    private SensorSpec? Sensor(int index) => index >= 0 && index < _sensors.Count ? _sensors[index] : null;

    private ActuatorSpec? Actuator(int index) =>
        index >= _sensors.Count && index < Count ? _actuators[index - _sensors.Count] : null;
}
