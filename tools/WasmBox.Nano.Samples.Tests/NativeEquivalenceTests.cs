using WasmBox.Nano.Samples.Tests.Support;

namespace WasmBox.Nano.Samples.Tests;

/// <summary>
/// The must-show of issue 3: a C function compiled here with clang runs in the VM and gives
/// the same result as the same C compiled natively with gcc. Every well-behaved sample runs
/// its scenario both ways; the traces (r0 of every run, printed lines, published messages,
/// CoAP responses, final pin levels and store contents) must be identical.
/// </summary>
public class NativeEquivalenceTests
{
    [SkippableTheory]
    [MemberData(nameof(SampleScenarios.Names), MemberType = typeof(SampleScenarios))]
    public void VmTraceEqualsNativeTrace(string scenarioName)
    {
        Scenario scenario = SampleScenarios.Named(scenarioName);
        NativeScenario.RequireGcc();
        using RuntimeScenario vm = RuntimeScenario.Run(scenario);
        IReadOnlyList<string> native = NativeScenario.Run(scenario);

        Assert.Equal(native, vm.Trace);
        Assert.Equal(scenario.Runs.Length, vm.Trace.Count(l => l.StartsWith("run ", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryWellBehavedSampleHasAScenario()
    {
        string[] covered = SampleScenarios.All.Select(s => s.Sample.Name).Distinct().ToArray();
        string[] expected = SampleCatalog.All.Where(s => !s.Hostile).Select(s => s.Name).ToArray();
        Assert.Equal(expected.Order(), covered.Order());
    }
}
