using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace WasmBox.Nano.TestSupport;

/// <summary>
/// Runs an FsCheck property from a fixed seed, so every run of the suite checks the same
/// cases and a failure prints a case that reproduces. Assertion failures inside the body
/// (and any exception the code under test throws) falsify the property. Shared by the test
/// projects as a linked source file.
/// </summary>
internal static class PropertyRunner
{
    public static void Check<T>(Gen<T> generator, int cases, ulong seed, Action<T> body)
    {
        Config config = Config.QuickThrowOnFailure
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));
        Prop.ForAll(generator.ToArbitrary(), (T value) => { body(value); return true; }).Check(config);
    }
}
