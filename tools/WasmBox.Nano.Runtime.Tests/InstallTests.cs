using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Monitoring;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Runtime.Tests.Support;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>Install-time check of a container's declared needs against its tenant's grant and the board.</summary>
public class InstallTests
{
    private readonly Rig _rig = new();

    public InstallTests()
    {
        _rig.Provision(Rig.Tenant("a", helpers: "\"print\", \"gpio_write\", \"now_ms\"",
            pins: "{\"pin\": 2, \"mode\": \"output\"}, {\"pin\": 0, \"mode\": \"input\"}",
            sensors: "{\"name\": \"temp0\", \"access\": \"read\"}, {\"name\": \"ghost\", \"access\": \"read\"}",
            limits: "\"maxContainers\": 2, \"maxImageBytes\": 64, \"ramBytes\": 18000, \"instructionsPerRun\": 100, " +
                    "\"branchesPerRun\": 10, \"runsPerSecond\": 10, \"helperCallsPerSecond\": 100"));
    }

    private InstallResult Install(ContainerManifest m, byte[]? code = null) =>
        _rig.TryInstall("a", m, code ?? Bpf.Return(0));

    [Fact]
    public void A_container_within_its_grant_installs_and_opens_its_pins()
    {
        ContainerManifest m = Rig.Manifest("ok", HookBinding.GpioEdge(0));
        m.Pins = new[] { new PinGrant(2, PinDriveMode.Output), new PinGrant(0, PinDriveMode.Input) };
        m.Sensors = new[] { new SensorGrant("temp0", false) };
        InstallResult result = Install(m, new Bpf().Mov(1, 2).Mov(2, 1).Call(HelperIds.GpioWrite).Exit().Build());

        Assert.True(result.Ok, result.Reason);
        Assert.Equal(ContainerState.Installed, result.Container.State);
        Assert.Equal(PinDriveMode.Output, _rig.Board.FakeGpio.Open[2]);
        Assert.True(_rig.Board.FakeGpio.HasHandler(0));
        Assert.Equal(result.Container.RamBytes, result.Container.Tenant.RamInUse);
        Assert.Single(_rig.EventsOf(RuntimeEventKind.Installed));

        Assert.True(_rig.Runtime.Remove(result.Container));
        Assert.Empty(_rig.Board.FakeGpio.Open);
        Assert.False(_rig.Board.FakeGpio.HasHandler(0));
        Assert.Equal(0, result.Container.Tenant.RamInUse);
    }

    [Fact]
    public void A_helper_outside_the_grant_is_refused_by_name_and_id()
    {
        InstallResult result = Install(Rig.Manifest("x"), new Bpf().Mov(1, 1).Mov(2, 1).Call(HelperIds.StoreLocal).Exit().Build());
        Assert.Equal(InstallError.HelperNotGranted, result.Error);
        Assert.Equal("program calls helper store_local (0x10), which is not granted to tenant 'a'", result.Reason);
        Assert.Single(_rig.EventsOf(RuntimeEventKind.InstallRefused));
    }

    [Fact]
    public void An_unknown_helper_fails_verification_with_the_instruction_index()
    {
        InstallResult result = Install(Rig.Manifest("x"), new Bpf().Mov(0, 0).Call(0x99).Exit().Build());
        Assert.Equal(InstallError.VerifyFailed, result.Error);
        Assert.Equal(1, result.Verify.Index);
        Assert.StartsWith("verifier: instruction 1", result.Reason);
    }

    public static TheoryData<string, InstallError, string> NeedRefusals => new()
    {
        { "pin 7 output", InstallError.PinNotGranted, "pin 7 is not granted to tenant 'a'" },
        { "pin 0 output", InstallError.PinModeMismatch, "pin 0 is needed as output but granted to tenant 'a' as input" },
        { "sensor hum0", InstallError.SensorNotGranted, "sensor \"hum0\" is not granted to tenant 'a'" },
        { "sensor temp0 write", InstallError.SensorNotGranted, "sensor \"temp0\" is needed for writing but granted to tenant 'a' read-only" },
        { "sensor ghost", InstallError.SensorUnknown, "the board has no sensor \"ghost\"" },
        { "hook timer 50", InstallError.HookNotAllowed, "hook timer 50 ms: period must be at least 100 ms (tenant 'a' may run 10 times per second)" },
        { "hook gpio 2", InstallError.HookNotAllowed, "hook gpio edge on pin 2: pin 2 must be declared as an input" },
        { "hook mqtt b/#", InstallError.HookNotAllowed, "hook mqtt b/#: topic filter is outside the topics granted to tenant 'a'" },
        { "hook mqtt #", InstallError.HookNotAllowed, "hook mqtt #: topic filter is outside the topics granted to tenant 'a'" },
        { "hook coap /b/x", InstallError.HookNotAllowed, "hook coap /b/x: path is outside the CoAP paths granted to tenant 'a'" },
        { "stack 9", InstallError.BadManifest, "stack frames must be between 1 and 8" },
        { "name Bad Name", InstallError.BadManifest, "container name must be 1 to 32 characters of a-z, 0-9, '-' and '_'" },
        { "rodata 64", InstallError.ImageTooLarge, "image is 80 bytes, tenant 'a' may install at most 64" },
        { "twice", InstallError.BadManifest, "hook timer 100 ms is declared twice" },
    };

    [Theory]
    [MemberData(nameof(NeedRefusals))]
    public void Needs_beyond_the_grant_are_refused_precisely(string need, InstallError error, string reason)
    {
        ContainerManifest m = Rig.Manifest("x");
        string[] w = need.Split(' ');
        switch (w[0])
        {
            case "pin": m.Pins = new[] { new PinGrant(int.Parse(w[1]), PinDriveMode.Output) }; break;
            case "sensor": m.Sensors = new[] { new SensorGrant(w[1], w.Length > 2) }; break;
            case "stack": m.StackFrames = int.Parse(w[1]); break;
            case "name": m.Name = need[5..]; break;
            case "rodata": m.Rodata = new byte[int.Parse(w[1])]; break;
            case "twice": m.Hooks = new[] { HookBinding.Timer(100), HookBinding.Timer(100) }; break;
            case "hook":
                m.Pins = new[] { new PinGrant(2, PinDriveMode.Output) };
                m.Hooks = new[]
                {
                    w[1] == "timer" ? HookBinding.Timer(int.Parse(w[2]))
                    : w[1] == "gpio" ? HookBinding.GpioEdge(int.Parse(w[2]))
                    : w[1] == "mqtt" ? HookBinding.Mqtt(w[2])
                    : HookBinding.Coap(w[2]),
                };
                break;
        }
        InstallResult result = Install(m);
        Assert.False(result.Ok);
        Assert.Equal(error, result.Error);
        Assert.Equal(reason, result.Reason);
        Assert.Empty(_rig.Runtime.Containers);
        Assert.Empty(_rig.Board.FakeGpio.Open);
    }

    [Fact]
    public void The_container_count_and_ram_budget_are_enforced()
    {
        Assert.True(Install(Rig.Manifest("one")).Ok);
        // The second container would not fit the 18000-byte budget with eight stack frames.
        ContainerManifest big = Rig.Manifest("two");
        big.StackFrames = 8;
        InstallResult ram = Install(big);
        Assert.Equal(InstallError.RamBudgetExceeded, ram.Error);
        Assert.Contains("of 18000 left", ram.Reason);

        Assert.True(Install(Rig.Manifest("two")).Ok);
        InstallResult third = Install(Rig.Manifest("three"));
        Assert.Equal(InstallError.TooManyContainers, third.Error);
        Assert.Equal("tenant 'a' already has 2 containers, its limit is 2", third.Reason);
    }

    [Fact]
    public void Names_are_unique_per_tenant_and_tenants_must_exist()
    {
        Assert.True(Install(Rig.Manifest("dup")).Ok);
        Assert.Equal(InstallError.NameInUse, Install(Rig.Manifest("dup")).Error);
        Assert.Equal(InstallError.UnknownTenant, _rig.TryInstall("nobody", Rig.Manifest("x"), Bpf.Return(0)).Error);
        Assert.Equal(InstallError.BadManifest, _rig.TryInstall("a", null!, Bpf.Return(0)).Error);
    }

    [Fact]
    public void A_tenant_policy_can_be_replaced_only_without_containers()
    {
        TenantPolicy replacement = PolicyParser.Parse(Rig.Document(Rig.Tenant("a"))).Tenants[0];
        InstallResult installed = Install(Rig.Manifest("x"));
        Assert.Contains("remove them", _rig.Runtime.Provision(replacement));
        _rig.Runtime.Remove(installed.Container);
        Assert.Null(_rig.Runtime.Provision(replacement));
        Assert.True(_rig.Runtime.FindTenant("a")!.Policy.Grant.IsGranted(HelperIds.StoreLocal));
    }

    [Fact]
    public void Provisioning_refuses_a_pin_another_tenant_drives()
    {
        TenantPolicy b = PolicyParser.Parse(Rig.Document(Rig.Tenant("b", pins: "{\"pin\": 2, \"mode\": \"input\"}"))).Tenants[0];
        Assert.Contains("pin 2 is granted to tenant 'a' as output", _rig.Runtime.Provision(b));
        Assert.Null(_rig.Runtime.FindTenant("b"));
    }

    [Fact]
    public void Runs_use_the_tenants_instruction_and_branch_budgets()
    {
        Container spin = _rig.Install("a", "spin", Bpf.Spin());
        _rig.RunTimer(spin);
        Assert.Equal(VmStatus.BranchBudgetExhausted, spin.LastStatus);
        Assert.Equal(10, spin.Counters.Branches);

        // 100 straight-line instructions exceed a 50-instruction budget without a branch.
        _rig.Provision(Rig.Tenant("b", limits: Rig.DefaultLimits.Replace("\"instructionsPerRun\": 10000", "\"instructionsPerRun\": 50")));
        var straight = new Bpf();
        for (int i = 0; i < 100; i++)
        {
            straight.Mov(0, i);
        }
        Container fuel = _rig.Install("b", "straight", straight.Exit().Build());
        _rig.RunTimer(fuel);
        Assert.Equal(VmStatus.InstructionBudgetExhausted, fuel.LastStatus);
        Assert.Equal(50, fuel.Counters.Instructions);
        Assert.Equal(1, fuel.Counters.BudgetHits);
    }
}
