using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace WasmBox.Nano.Toolchain.Tests.Support;

/// <summary>Runs an FsCheck property from a fixed seed, so every run checks the same cases and failures reproduce.</summary>
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
