namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>Everything the runtime needs from a board, real or simulated.</summary>
    public interface IBoard
    {
        string DeviceId { get; }

        IGpio Gpio { get; }

        ISensorBus Sensors { get; }

        IClock Clock { get; }

        IStorage Storage { get; }

        ILogSink Log { get; }

        /// <summary>Managed bytes the runtime may use for containers (from the hardware profile).</summary>
        int HeapBudgetBytes { get; }
    }
}
