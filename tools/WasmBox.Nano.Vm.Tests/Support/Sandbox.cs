namespace WasmBox.Nano.Vm.Tests.Support;

/// <summary>Verifies and loads test programs; fails the test when the verifier refuses one.</summary>
internal static class Sandbox
{
    public static VerifyResult Verify(byte[] code, HelperTable? helpers = null, HelperGrant? grant = null,
        int maxInstructions = VerifierOptions.DefaultMaxInstructions)
    {
        return Verifier.Verify(code, new VerifierOptions { Helpers = helpers, Grant = grant, MaxInstructions = maxInstructions });
    }

    public static Vm Load(byte[] code, HelperTable? helpers = null, HelperGrant? grant = null,
        int stackFrames = Vm.DefaultStackFrames)
    {
        VerifyResult result = Verify(code, helpers, grant);
        Assert.True(result.Ok, "verifier refused a test program: " + result.Message);
        return new Vm(result.Program, helpers, grant, stackFrames);
    }

    /// <summary>Runs instructions followed by exit and returns r0; the run must end normally.</summary>
    public static ulong Eval(params byte[][] body)
    {
        Vm vm = Load(Ins.Program([.. body, Ins.Exit()]));
        VmStatus status = vm.Run(0);
        Assert.Equal(VmStatus.Ok, status);
        return vm.Result;
    }

    /// <summary>A helper table with one handler.</summary>
    public static HelperTable Table(int id, IHelper helper)
    {
        var table = new HelperTable();
        table.Register(id, helper);
        return table;
    }
}
