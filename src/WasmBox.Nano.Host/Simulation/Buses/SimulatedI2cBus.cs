using WasmBox.Nano.Runtime.Buses;

namespace WasmBox.Nano.Host.Simulation.Buses;

/// <summary>
/// An I2C bus of the simulated board with the profile's parts on it. A transfer takes its wire
/// time at the requested clock (<see cref="BusTime.I2cMicros"/>) plus whatever the part stretches.
/// </summary>
public sealed class SimulatedI2cBus(int number, int sdaPin, int sclPin, IReadOnlyList<ISimulatedI2cPart> parts) : II2cBus
{
    private const int NoDevice = -6;
    private const int DataRefused = -5;

    public int Number => number;

    public int SdaPin => sdaPin;

    public int SclPin => sclPin;

    public IReadOnlyList<ISimulatedI2cPart> Parts => parts;

    public int Transfer(int address, int speedHz, byte[] write, int writeLength, byte[] read, int readLength, out int micros)
    {
        micros = BusTime.I2cMicros(speedHz, writeLength, readLength);
        ISimulatedI2cPart? part = Find(address);
        if (part is null)
        {
            return NoDevice;
        }
        if (writeLength > 0 && !part.Write(write.AsSpan(0, writeLength)))
        {
            return DataRefused;
        }
        if (readLength == 0)
        {
            return 0;
        }
        if (!part.Read(read.AsSpan(0, readLength), out int stretch))
        {
            return NoDevice;
        }
        micros += stretch;
        return 0;
    }

    private ISimulatedI2cPart? Find(int address)
    {
        foreach (ISimulatedI2cPart part in parts)
        {
            if (part.Address == address)
            {
                return part;
            }
        }
        return null;
    }
}
