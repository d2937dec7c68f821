using WasmBox.Nano.Bundle;
using WasmBox.Nano.Host.Simulation;
using WasmBox.Nano.Runtime.Containers;
using HookKind = WasmBox.Nano.Runtime.Hooks.HookKind;
using WasmBox.Nano.Sim.Session;
using WasmBox.Nano.Sim.Tests.Support;
using WasmBox.Nano.Update;

namespace WasmBox.Nano.Sim.Tests;

public sealed class BundleInstallerTests : IDisposable
{
    private const string Toggle = "mov %r1, 2\ncall 0x72\nexit";
    private readonly TestBundles _bundles = new();
    private readonly SimulationSession _session;

    public BundleInstallerTests()
    {
        _session = SimulationSession.Create(new SimulationOptions
        {
            Profile = "esp32-devkitc",
            PolicyText = TestPolicies.TwoTenants,
            Keyring = _bundles.Keyring("acme", "globex", "initech"),
            Clock = new SteppedClock(),
        });
    }

    public void Dispose() => _session.Dispose();

    private BundleInstallResult Install(byte[] bundle) =>
        BundleInstaller.Install(_session.Runtime, bundle, _bundles.Keyring("acme", "globex", "initech"));

    private static Manifest BlinkerFields() => TestBundles.Fields("acme", "blinker", TestBundles.Timer(500));

    private static Manifest WithLed(Manifest m)
    {
        m.Pins = [new PinRequest(2, 3)];
        return m;
    }

    [Fact]
    public void A_good_bundle_installs_with_its_hooks_and_pins_and_runs()
    {
        BundleInstallResult result = Install(_bundles.Sign(TestBundles.Image(Toggle), WithLed(BlinkerFields())));

        Assert.True(result.Ok, result.Reason);
        Container c = result.Container;
        Assert.Equal("acme", c.Tenant.Id);
        Assert.Equal("blinker", c.Name);
        Assert.Equal(ContainerState.Installed, c.State);
        Assert.Equal(HookKind.Timer, Assert.Single(c.Manifest.Hooks).Kind);
        Assert.Equal(500, c.Manifest.Hooks[0].Parameter);
        Assert.Equal(2, Assert.Single(c.Manifest.Pins).Pin);

        _session.Runtime.Start(c);
        _session.Runtime.Dispatch(HookKind.Timer, 500, null, null, 0);
        Assert.Equal(1, c.Counters.Runs);
        Assert.Equal(0, c.Counters.Faults);
        Assert.True(_session.Board.Gpio.IsLedOn("led0"));
    }

    [Fact]
    public void Data_and_bss_are_mapped_and_a_later_entry_point_is_where_runs_start()
    {
        // Entry "main" at instruction 2: the first two would return 99. The data word is 40,
        // the bss word after it starts at zero and counts runs; r0 = data + bss.
        const string Code = """
            mov %r0, 99
            exit
            lddw %r2, 0x30000000
            ldxw %r3, [%r2+4]
            add %r3, 1
            stxw [%r2+4], %r3
            ldxw %r0, [%r2]
            add %r0, %r3
            exit
            """;
        FunctionImage image = TestBundles.Image(Code, data: [40, 0, 0, 0], bss: 4, new EntryPoint("early", 0), new EntryPoint("main", 2));
        Manifest fields = BlinkerFields();
        fields.Hooks[0].Entry = 1;
        BundleInstallResult result = Install(_bundles.Sign(image, fields));

        Assert.True(result.Ok, result.Reason);
        _session.Runtime.Start(result.Container);
        _session.Runtime.Dispatch(HookKind.Timer, 500, null, null, 0);
        _session.Runtime.Dispatch(HookKind.Timer, 500, null, null, 0);
        Assert.Equal(42UL, result.Container.LastResult);
    }

    [Fact]
    public void A_bundle_signed_with_another_tenants_key_is_refused_and_nothing_is_installed()
    {
        BundleInstallResult result = Install(_bundles.Sign(TestBundles.Image(Toggle), WithLed(BlinkerFields()), signer: "globex"));

        AssertRefused(result, BundleRefusal.BadBundle, "signature");
        Assert.Equal(BundleError.BadSignature, result.BundleError);
    }

    [Fact]
    public void A_tampered_bundle_is_refused()
    {
        byte[] bundle = _bundles.Sign(TestBundles.Image(Toggle), WithLed(BlinkerFields()));
        bundle[^3] ^= 0x01;

        BundleInstallResult result = Install(bundle);

        AssertRefused(result, BundleRefusal.BadBundle, "digest");
        Assert.Equal(BundleError.DigestMismatch, result.BundleError);
    }

    [Fact]
    public void A_tenant_without_a_key_is_refused_by_the_keyring()
    {
        byte[] bundle = _bundles.Sign(TestBundles.Image("mov %r0, 1\nexit"), TestBundles.Fields("hooli", "x", TestBundles.Timer(500)));

        BundleInstallResult result = Install(bundle);

        AssertRefused(result, BundleRefusal.BadBundle, "hooli");
        Assert.Equal(BundleError.UnknownTenant, result.BundleError);
    }

    [Fact]
    public void A_tenant_with_a_key_but_no_policy_is_not_provisioned()
    {
        byte[] bundle = _bundles.Sign(TestBundles.Image("mov %r0, 1\nexit"), TestBundles.Fields("initech", "x", TestBundles.Timer(500)));

        AssertRefused(Install(bundle), BundleRefusal.TenantNotProvisioned, "tenant 'initech' has a key but is not provisioned");
    }

    [Fact]
    public void A_pin_beyond_the_grant_is_refused_by_the_runtime_check()
    {
        Manifest fields = BlinkerFields();
        fields.Pins = [new PinRequest(4, 3)];
        BundleInstallResult result = Install(_bundles.Sign(TestBundles.Image("mov %r1, 4\ncall 0x72\nexit"), fields));

        AssertRefused(result, BundleRefusal.RuntimeRefused, "pin 4 is not granted to tenant 'acme'");
        Assert.Equal(InstallError.PinNotGranted, result.InstallError);
    }

    [Fact]
    public void A_declared_helper_beyond_the_grant_is_refused()
    {
        // mqtt_publish (0x80) is declared but acme is not granted it; the code does not even call it.
        byte[] bundle = _bundles.Sign(TestBundles.Image(Toggle), WithLed(BlinkerFields()), declaredHelpers: [0x72, 0x80]);

        AssertRefused(Install(bundle), BundleRefusal.HelperNotGranted, "mqtt_publish");
    }

    [Fact]
    public void Code_calling_an_undeclared_helper_is_refused()
    {
        byte[] bundle = _bundles.Sign(TestBundles.Image(Toggle), WithLed(BlinkerFields()), declaredHelpers: []);

        AssertRefused(Install(bundle), BundleRefusal.UndeclaredHelper, "gpio_toggle");
    }

    [Fact]
    public void A_budget_beyond_the_tenants_is_refused()
    {
        Manifest fields = WithLed(BlinkerFields());
        fields.InstructionsPerRun = 20000;

        AssertRefused(Install(_bundles.Sign(TestBundles.Image(Toggle), fields)), BundleRefusal.BudgetNotGranted,
            "declares 20000 instructions per run, tenant 'acme' is granted 10000");
    }

    [Fact]
    public void A_topic_outside_the_tenants_grant_is_refused()
    {
        Manifest fields = TestBundles.Fields("acme", "spy", TestBundles.Mqtt("globex/#"));

        BundleInstallResult result = Install(_bundles.Sign(TestBundles.Image("mov %r0, 0\nexit"), fields));

        AssertRefused(result, BundleRefusal.RuntimeRefused, "outside the topics granted");
        Assert.Equal(InstallError.HookNotAllowed, result.InstallError);
    }

    [Fact]
    public void A_single_edge_hook_is_refused_because_the_runtime_delivers_both()
    {
        Manifest fields = TestBundles.Fields("acme", "counter", TestBundles.Edge(0, edge: 2));
        fields.Pins = [new PinRequest(0, 1)];

        AssertRefused(Install(_bundles.Sign(TestBundles.Image("mov %r0, 0\nexit"), fields)), BundleRefusal.UnsupportedHook, "declare edge 3");
    }

    [Fact]
    public void Hooks_with_different_entry_points_are_refused()
    {
        FunctionImage image = TestBundles.Image("mov %r0, 1\nexit\nmov %r0, 2\nexit", null, 0, new EntryPoint("a", 0), new EntryPoint("b", 2));
        Manifest fields = TestBundles.Fields("acme", "two", TestBundles.Timer(500), TestBundles.Timer(1000));
        fields.Hooks[1].Entry = 1;

        AssertRefused(Install(_bundles.Sign(image, fields)), BundleRefusal.UnsupportedEntry, "'a' and 'b'");
    }

    [Fact]
    public void A_name_that_cannot_name_a_container_is_refused()
    {
        AssertRefused(Install(_bundles.Sign(TestBundles.Image("mov %r0, 0\nexit"), TestBundles.Fields("acme", "Blink Er", TestBundles.Timer(500)))),
            BundleRefusal.BadName, "'Blink Er'");
    }

    private void AssertRefused(BundleInstallResult result, BundleRefusal refusal, string reasonPart)
    {
        Assert.False(result.Ok);
        Assert.Equal(refusal, result.Refusal);
        Assert.Contains(reasonPart, result.Reason);
        Assert.Empty(_session.Runtime.Containers);
        Assert.All(_session.Runtime.Tenants, t => Assert.Equal(0, t.ContainerCount));
    }
}
