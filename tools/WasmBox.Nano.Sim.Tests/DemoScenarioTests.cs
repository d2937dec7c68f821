using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Sim.Demo;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.Tests;

/// <summary>The demo scenario with a stepped clock and synchronous dispatch: the same run every time.</summary>
public sealed class DemoScenarioTests
{
    private const long DurationMs = 20_000;

    private static (DemoRun Demo, InputScript Script) RunStepped(bool hostile, DemoOptions? options = null)
    {
        var clock = new SteppedClock();
        DemoRun demo = DemoRun.Prepare((options ?? new DemoOptions()) with { Clock = clock, WithHostile = hostile });
        InputScript script = DemoPlan.Script(DurationMs, hostile);
        script.Validate(demo.Session);
        demo.Session.Start(threaded: false);
        SimDriver.RunStepped(demo.Session, clock, script, DurationMs);
        return (demo, script);
    }

    [Fact]
    public void Three_well_behaved_tenants_each_run_two_containers_on_different_kinds_of_hook()
    {
        using DemoRun demo = DemoRun.Prepare(new DemoOptions { Clock = new SteppedClock() });

        var tenants = demo.Session.Runtime.Containers.Where(c => c.Tenant.Id != DemoPlan.HostileTenant).GroupBy(c => c.Tenant.Id).ToList();

        Assert.Equal(3, tenants.Count);
        Assert.All(tenants, tenant =>
        {
            HashSet<HookKind>[] kinds = tenant.Select(c => c.Manifest.Hooks.Select(h => h.Kind).Where(k => k != HookKind.Install).ToHashSet()).ToArray();
            Assert.Equal(2, kinds.Length);
            Assert.Empty(kinds[0].Intersect(kinds[1]));
        });
        Assert.Equal(DemoPlan.HostileBundles.Count, demo.Session.Runtime.Containers.Count(c => c.Tenant.Id == DemoPlan.HostileTenant));
    }

    [Fact]
    public void The_demo_runs_on_an_ESP32_with_PSRAM_because_the_DevKitC_heap_refuses_some_of_its_containers()
    {
        Assert.Equal("ESP_WROVER_KIT", Host.Profiles.HardwareProfiles.Load(DemoPlan.DefaultProfile).Profile!.NanoffTarget);

        var refusal = Assert.Throws<SimSetupException>(() => DemoRun.Prepare(new DemoOptions { Profile = "esp32-devkitc", Clock = new SteppedClock() }));

        Assert.Contains("heap budget", refusal.Message);
    }

    [Fact]
    public void Every_well_behaved_tenants_results_are_correct_and_the_hostile_tenant_ends_quarantined()
    {
        (DemoRun demo, InputScript script) = RunStepped(hostile: true);
        using (demo)
        {
            IReadOnlyList<TenantVerdict> verdicts = demo.Evaluate(script);

            Assert.All(verdicts.Where(v => !v.Hostile), v => Assert.True(v.Ok, Describe(v)));
            Assert.Contains(verdicts, v => v.Hostile);
            Container[] all = demo.Session.Runtime.Containers;
            Assert.All(all.Where(c => c.Tenant.Id == DemoPlan.HostileTenant), c => Assert.Equal(ContainerState.Quarantined, c.State));
            Assert.All(all.Where(c => c.Tenant.Id != DemoPlan.HostileTenant), c =>
            {
                Assert.Equal(ContainerState.Running, c.State);
                Assert.True(c.Counters.Runs > 0, c.LogSource + " never ran");
            });
        }
    }

    [Fact]
    public void The_well_behaved_tenants_run_exactly_as_often_with_and_without_the_hostile_tenant()
    {
        (DemoRun with, _) = RunStepped(hostile: true);
        (DemoRun without, _) = RunStepped(hostile: false);
        using (with)
        using (without)
        {
            foreach (Container c in without.Session.Runtime.Containers)
            {
                Container twin = with.Session.Runtime.Find(c.Tenant.Id, c.Name)!;
                Assert.Equal(c.Counters.Runs, twin.Counters.Runs);
                Assert.Equal(c.LastResult, twin.LastResult);
            }
        }
    }

    [Fact]
    public void Each_hostile_function_is_stopped_by_the_rule_made_for_it()
    {
        (DemoRun demo, _) = RunStepped(hostile: true);
        using (demo)
        {
            var quarantines = demo.Session.Events.All()
                .Where(e => e.Kind == Runtime.Monitoring.RuntimeEventKind.Quarantined)
                .ToDictionary(e => e.ContainerName!, e => e.Anomaly);

            Assert.Equal(Runtime.Monitoring.AnomalyKind.FaultBurst, quarantines["spin"]);
            Assert.Equal(Runtime.Monitoring.AnomalyKind.FaultBurst, quarantines["oob_read"]);
            Assert.Equal(Runtime.Monitoring.AnomalyKind.PolicyViolations, quarantines["pin_probe"]);
            Assert.Equal(Runtime.Monitoring.AnomalyKind.HelperFlood, quarantines["flood"]);
            Assert.True(demo.Session.Runtime.Find(DemoPlan.HostileTenant, "spin")!.Counters.BudgetHits >= 3);
        }
    }

    private static string Describe(TenantVerdict v) =>
        v.Tenant + ": " + string.Join("; ", v.Checks.Where(c => !c.Ok).Select(c => c.Container + " " + c.What + " expected " + c.Expected + ", got " + c.Actual));
}
