using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Tests.Support;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>How a container maps an image: entry point, .data and the zeroed .bss after it.</summary>
public class ImageLayoutTests
{
    private readonly Rig _rig = new();

    public ImageLayoutTests() => _rig.Provision(Rig.Tenant("a"));

    // 0: r0 = 7; exit.  2 (entry): a counter at DataBase + 4 (the first .bss word) counts runs.
    private static byte[] CounterInBss() => new Bpf()
        .Mov(0, 7).Exit()
        .Lddw(1, MemoryRegion.DataBase + 4)
        .LdxW(0, 1, 0).Add(0, 1).StxW(1, 0, 0)
        .Exit().Build();

    [Fact]
    public void Runs_start_at_the_entry_and_bss_follows_data_zeroed_and_kept_across_runs()
    {
        ContainerManifest m = Rig.Manifest("bss");
        m.Data = new byte[] { 1, 2, 3, 4 };
        m.BssSize = 8;
        m.Entry = 2;
        Container c = _rig.Install("a", m, CounterInBss());

        Assert.Equal(1, _rig.RunTimer(c));
        Assert.Equal(2, _rig.RunTimer(c));
        Assert.Equal(3, _rig.RunTimer(c));
    }

    [Fact]
    public void A_store_past_data_plus_bss_faults()
    {
        ContainerManifest m = Rig.Manifest("small");
        m.Data = new byte[] { 1, 2, 3, 4 };
        m.BssSize = 3; // the counter word at +4..+7 is one byte too long
        m.Entry = 2;
        Container c = _rig.Install("a", m, CounterInBss());

        _rig.RunTimer(c);
        Assert.Equal(1, c.Counters.Faults);
    }

    [Theory]
    [InlineData(3)] // second half of the lddw
    [InlineData(99)]
    public void An_entry_that_is_no_instruction_is_refused_at_install(int entry)
    {
        ContainerManifest m = Rig.Manifest("bad-entry");
        m.BssSize = 8;
        m.Entry = entry;
        InstallResult r = _rig.TryInstall("a", m, CounterInBss());
        Assert.False(r.Ok);
        Assert.Equal(InstallError.BadManifest, r.Error);
        Assert.Contains("entry point", r.Reason);
    }
}
