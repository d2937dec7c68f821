using Spectre.Console;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.View;

/// <summary>The end-of-run table: per container runs, faults, state.</summary>
public static class SummaryTable
{
    public static void Write(IAnsiConsole console, SimSnapshot final)
    {
        console.WriteLine();
        console.MarkupLine("[bold]summary[/] after " + (final.ElapsedMs / 1000.0).ToString("0.0") + " s");
        console.Write(LiveView.ContainerTable(final.Containers, [], withHooks: true));
    }
}
