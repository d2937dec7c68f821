using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.View;

/// <summary>Shows a run as its frames arrive; returns the final snapshot.</summary>
public interface ISimView
{
    SimSnapshot Show(IEnumerable<SimFrame> frames);
}
