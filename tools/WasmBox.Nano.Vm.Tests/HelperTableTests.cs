using WasmBox.Nano.Vm.Tests.Support;

namespace WasmBox.Nano.Vm.Tests;

/// <summary>The sparse id-to-handler table every container holds.</summary>
public class HelperTableTests
{
    [Fact]
    public void One_handler_serving_many_ids_takes_one_slot()
    {
        var table = new HelperTable();
        var helper = new DelegateHelper((vm, a, b, c, d, e) => 7);
        table.Register(1, helper);
        table.Register(200, helper);
        table.Register(255, new DelegateHelper((vm, a, b, c, d, e) => 8));

        Assert.Equal(2, table.HandlerCount);
        Assert.Same(helper, table.Get(1));
        Assert.Same(helper, table.Get(200));
        Assert.Null(table.Get(2));
        Assert.Null(table.Get(256));
        Assert.Null(table.Get(-1));
    }

    [Fact]
    public void Registering_an_id_again_replaces_its_handler()
    {
        var table = new HelperTable();
        var first = new DelegateHelper((vm, a, b, c, d, e) => 1);
        var second = new DelegateHelper((vm, a, b, c, d, e) => 2);
        table.Register(5, first);
        table.Register(5, second);
        Assert.Same(second, table.Get(5));
    }

    [Fact]
    public void At_most_255_distinct_handlers_fit()
    {
        var table = new HelperTable();
        for (int id = 0; id < HelperTable.MaxHandlers; id++)
        {
            table.Register(id, new DelegateHelper((vm, a, b, c, d, e) => 0));
        }
        Assert.Throws<InvalidOperationException>(() => table.Register(255, new DelegateHelper((vm, a, b, c, d, e) => 0)));
    }

    [Fact]
    public void A_declaring_table_knows_ids_for_the_verifier_but_never_runs_them()
    {
        HelperTable all = HelperTable.Declaring(null);
        HelperTable some = HelperTable.Declaring([0x10, 0x20]);
        Assert.True(all.Contains(0) && all.Contains(255));
        Assert.Equal(1, all.HandlerCount);
        Assert.True(some.Contains(0x10) && some.Contains(0x20));
        Assert.False(some.Contains(0x11));

        byte[] code = Ins.Program(Ins.Raw(Opcodes.Call, 0, 0, 0, 0x20), Ins.Exit());
        VerifyResult v = Verifier.Verify(code, new VerifierOptions { Helpers = some });
        Assert.True(v.Ok, v.Message);
        Assert.Equal(VmStatus.UnknownHelper, new Vm(v.Program, some, null, 1).Run(0));
    }
}
