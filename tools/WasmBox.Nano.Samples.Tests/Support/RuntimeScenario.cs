using FunctionImage = WasmBox.Nano.Bundle.FunctionImage;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Signing.Authoring;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>A scenario's run in the runtime: the device (for further assertions), the container and the trace.</summary>
public sealed class RuntimeScenario : IDisposable
{
    private readonly List<string> _trace = [];

    private RuntimeScenario(Scenario scenario)
    {
        Scenario = scenario;
        long[] times = RunTimes(scenario);
        Device = new SimulatedDevice(scenario.SensorValues, times);
        FunctionImage image = SampleBuilds.Build(scenario.Sample).Image;
        InstallResult installed = SampleInstaller.Install(Device.Runtime, scenario.Sample, image);
        Assert.True(installed.Ok, scenario.Sample.Name + " does not install: " + installed.Reason);
        Container = installed.Container;
    }

    public Scenario Scenario { get; }

    public SimulatedDevice Device { get; }

    public Container Container { get; }

    public IReadOnlyList<string> Trace => _trace;

    /// <summary>Installs the clang-built sample on a fresh device and delivers the scenario's events.</summary>
    public static RuntimeScenario Run(Scenario scenario)
    {
        var run = new RuntimeScenario(scenario);
        try
        {
            run.DeliverAll();
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    /// <summary>Board time of each run: the clock starts at 0 and each run first advances it.</summary>
    public static long[] RunTimes(Scenario scenario)
    {
        long now = 0;
        return scenario.Runs.Select(r => now += r.AdvanceMs).ToArray();
    }

    public void Dispose() => Device.Dispose();

    private void DeliverAll()
    {
        var lines = new List<string>();
        Device.Board.Log.LineWritten += line =>
        {
            if (line.Source == Container.LogSource)
            {
                lines.Add(line.Text);
            }
        };
        for (int i = 0; i < Scenario.Runs.Length; i++)
        {
            SampleRun run = Scenario.Runs[i];
            Device.Clock.Advance(run.AdvanceMs);
            lines.Clear();
            int published = Device.Published.Count;
            long runsBefore = Container.Counters.Runs;
            var coap = new CoapResponse(256);
            bool answered = Deliver(run, coap);

            if (Container.Counters.Runs != runsBefore + 1)
            {
                _trace.Add("run " + (i + 1) + " did not run (" + (Container.Counters.Runs - runsBefore) + " runs)");
                continue;
            }
            _trace.Add(Support.Trace.Run(i + 1, (long)Container.LastResult));
            if (Container.LastStatus != VmStatus.Ok)
            {
                _trace.Add("fault " + Container.LastStatus + " at instruction " + Container.FaultIndex);
            }
            _trace.AddRange(lines.Select(Support.Trace.Print));
            _trace.AddRange(Device.Published.Skip(published).Select(m => Support.Trace.Publish(Device.AppTopic(m.Topic), m.Payload)));
            if (answered)
            {
                _trace.Add(Support.Trace.Coap(coap.Code, coap.Format, coap.Payload[..coap.PayloadLength]));
            }
        }
        foreach (string pin in Scenario.Sample.Pins)
        {
            int number = RequestSpecs.ParsePin(pin).Pin;
            _trace.Add(Support.Trace.Pin(number, Device.Board.Gpio.Read(number)));
        }
        foreach ((bool global, uint key) in Scenario.ParsedKeys())
        {
            uint value = global ? Container.Tenant.GlobalStore.Fetch(key) : Container.LocalStore.Fetch(key);
            _trace.Add(Support.Trace.Store(global, key, value));
        }
    }

    private bool Deliver(SampleRun run, CoapResponse coap)
    {
        switch (run.Kind)
        {
            case HookKind.Coap:
                return Device.Runtime.HandleCoap(run.Key!, run.Payload, run.Payload.Length, coap);
            case HookKind.GpioEdge:
                string button = Device.Board.Profile.Buttons.Single(b => b.Pin == run.Parameter).Name;
                Assert.True(run.Rising ? Device.Board.Gpio.ReleaseButton(button) : Device.Board.Gpio.PressButton(button));
                return false;
            default:
                Device.Runtime.Dispatch(run.Kind, run.Parameter, run.Key, run.Payload, run.Payload.Length);
                return false;
        }
    }
}
