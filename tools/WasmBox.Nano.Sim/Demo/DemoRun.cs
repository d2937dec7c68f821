using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Sim.Demo;

/// <summary>How to set up the demo.</summary>
public sealed record DemoOptions
{
    public string Profile { get; init; } = DemoPlan.DefaultProfile;

    /// <summary>Install mallory's hostile functions too.</summary>
    public bool WithHostile { get; init; } = true;

    /// <summary>Null: real time. A SteppedClock: a deterministic run driven by <see cref="SimDriver.Stepped"/>.</summary>
    public SteppedClock? Clock { get; init; }

    public MonitorSettings? Monitor { get; init; }

    /// <summary>A provisioning document to use instead of the built-in tools/samples/policy.demo.json.</summary>
    public string? PolicyText { get; init; }
}

/// <summary>
/// The demo's board: the built-in policy provisioned, the sample bundles installed through
/// <see cref="BundleInstaller"/> with the committed keys. A refused well-behaved bundle is a
/// setup error; a refused hostile one is part of the show (e.g. a helper outside its grant).
/// </summary>
public sealed class DemoRun : IDisposable
{
    private DemoRun(SimulationSession session, IReadOnlyList<BundleInstallResult> hostileRefusals)
    {
        Session = session;
        HostileRefusals = hostileRefusals;
    }

    public SimulationSession Session { get; }

    /// <summary>Hostile bundles the board refused to install.</summary>
    public IReadOnlyList<BundleInstallResult> HostileRefusals { get; }

    public static DemoRun Prepare(DemoOptions options)
    {
        SimulationSession session = SimulationSession.Create(new SimulationOptions
        {
            Profile = options.Profile,
            PolicyText = options.PolicyText ?? DemoFiles.PolicyText(),
            PolicySource = options.PolicyText is null ? DemoFiles.PolicyResource : "policy",
            Keyring = DemoFiles.Keyring(),
            Clock = options.Clock,
            Monitor = options.Monitor,
        });
        try
        {
            session.InstallAll(DemoPlan.WellBehavedBundles.Select(DemoFiles.Bundle));
            var refused = new List<BundleInstallResult>();
            if (options.WithHostile)
            {
                foreach (string name in DemoPlan.HostileBundles)
                {
                    BundleInstallResult result = session.Install(DemoFiles.Bundle(name));
                    if (!result.Ok)
                    {
                        refused.Add(result);
                    }
                }
            }
            return new DemoRun(session, refused);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public IReadOnlyList<TenantVerdict> Evaluate(InputScript script) => DemoChecks.Evaluate(Session, script.Applied);

    public void Dispose() => Session.Dispose();
}
