using WasmBox.Nano.TestSupport;
using System.Text.Json;
using WasmBox.Nano.Sim.Demo;
using WasmBox.Nano.Sim.Measurement;
using WasmBox.Nano.Sim.Tests.Support;

namespace WasmBox.Nano.Sim.Tests;

/// <summary>How `wbx demo --measure --compare` turns interleaved rounds into medians, noise floors and verdicts.</summary>
public sealed class MeasurementTests
{
    [Theory]
    [InlineData(new[] { 3.0, 1.0, 2.0 }, 2.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 7.0 }, 7.0)]
    public void The_median_is_the_middle_round_or_the_mean_of_the_two_middle_ones(double[] values, double median)
    {
        Assert.Equal(median, new RoundValues(values).Median);
    }

    [Fact]
    public void The_spread_is_the_largest_distance_of_a_round_from_the_median()
    {
        var rounds = new RoundValues([0.8, 1.0, 1.0, 1.3]);

        Assert.Equal(0.3, rounds.Spread, 9);
    }

    [Fact]
    public void Rounds_that_all_agree_have_no_spread_even_at_zero()
    {
        Assert.Equal(0, new RoundValues([0.0, 0.0]).Spread);
        Assert.Equal(0, new RoundValues([5.0, 5.0, 5.0]).Spread);
    }

    [Theory]
    [InlineData(1.05, FigureVerdict.Within)]
    [InlineData(0.91, FigureVerdict.Within)]
    [InlineData(1.25, FigureVerdict.WithinBaselineNoise)]
    [InlineData(0.75, FigureVerdict.WithinBaselineNoise)]
    [InlineData(1.45, FigureVerdict.Outside)]
    [InlineData(0.6, FigureVerdict.Outside)]
    public void A_change_beyond_10_percent_is_called_noise_only_within_the_baselines_own_spread(double with, FigureVerdict verdict)
    {
        // Baseline median 1.0, its rounds up to 30 % away from it.
        var figure = new ComparedFigure("s", "f", new RoundValues([0.7, 1.0, 1.0, 1.1]), new RoundValues([with]));

        Assert.Equal(verdict, figure.Verdict);
        Assert.Equal(verdict == FigureVerdict.Within, figure.WithinTolerance);
    }

    [Fact]
    public void A_figure_that_appears_only_with_the_hostile_tenant_is_outside()
    {
        var figure = new ComparedFigure("s", "f", new RoundValues([0.0, 0.0]), new RoundValues([2.0]));

        Assert.Equal(double.PositiveInfinity, figure.Change);
        Assert.Equal(FigureVerdict.Outside, figure.Verdict);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    public void Rounds_alternate_in_abba_order_with_as_many_of_each_configuration(int rounds)
    {
        IReadOnlyList<bool> order = RoundSchedule.WithHostile(rounds);

        Assert.Equal(2 * rounds, order.Count);
        Assert.Equal(rounds, order.Count(hostile => hostile));
        Assert.False(order[0]);
        for (int pair = 0; pair < rounds; pair++)
        {
            Assert.NotEqual(order[2 * pair], order[2 * pair + 1]);
            if (pair > 0)
            {
                Assert.Equal(order[2 * pair - 1], order[2 * pair]);
            }
        }
    }

    [Fact]
    public void The_comparison_takes_medians_per_container_and_per_path_over_the_rounds()
    {
        RunFigures[] without = [Run(false, 100, 2.0, 0.10), Run(false, 102, 3.0, 0.20), Run(false, 98, 2.5, 0.12)];
        RunFigures[] with = [Run(true, 99, 2.6, 0.25), Run(true, 101, 2.4, 0.11)];

        IsolationComparison comparison = IsolationComparison.Of(without, with);

        ComparedFigure runs = comparison.Figures.Single(f => f.Subject == "acme/fletcher32" && f.Figure == "runs");
        Assert.Equal(100, runs.Without.Median);
        Assert.Equal(100, runs.With.Median);
        ComparedFigure runTime = comparison.Figures.Single(f => f.Subject == "acme/fletcher32" && f.Figure.StartsWith("run time", StringComparison.Ordinal));
        Assert.Equal(2.5, runTime.Without.Median);
        Assert.Equal(2.5, runTime.With.Median);
        ComparedFigure p95 = comparison.Figures.Single(f => f.Subject.StartsWith("message", StringComparison.Ordinal) && f.Figure == "latency p95 (ms)");
        Assert.Equal(0.12, p95.Without.Median, 9);
        Assert.Equal(0.18, p95.With.Median, 9);
        Assert.Equal(FigureVerdict.WithinBaselineNoise, p95.Verdict); // +50 %, but a baseline round is itself 67 % off its median
        Assert.DoesNotContain(comparison.Figures, f => f.Subject.StartsWith(DemoPlan.HostileTenant, StringComparison.Ordinal));
    }

    [Fact]
    public void Rounds_shorter_than_a_second_are_refused()
    {
        Assert.Equal(10_000, IsolationRounds.RoundMs(40_000, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => IsolationRounds.RoundMs(3_000, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => IsolationRounds.RoundMs(3_000, 0));
    }

    [SkippableFact]
    public void Rounds_without_compare_are_refused()
    {
        SimCommandTests.SkipUnlessWbxHas("demo");

        WbxResult r = Wbx.Run(TimeSpan.FromMinutes(1), "demo", "--measure", "--rounds", "2");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--rounds needs --compare", r.Stderr);
    }

    [SkippableFact]
    public void More_rounds_than_seconds_are_refused()
    {
        SimCommandTests.SkipUnlessWbxHas("demo");

        WbxResult r = Wbx.Run(TimeSpan.FromMinutes(1), "demo", "--measure", "--compare", "--seconds", "3", "--rounds", "4");

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--rounds must be between 1 and the seconds per configuration (3)", r.Stderr);
    }

    [SkippableFact]
    public void A_short_comparison_prints_every_round_and_a_verdict_per_figure()
    {
        // Rounds of 4 s: long enough for mallory's bait to get its reader quarantined.
        SimCommandTests.SkipUnlessWbxHas("demo");

        WbxResult r = Wbx.Run(TimeSpan.FromMinutes(3), "demo", "--measure", "--compare", "--seconds", "8", "--rounds", "2", "--json");

        Assert.True(r.ExitCode == 0, "exit " + r.ExitCode + ": " + r.Stderr + r.Stdout[^Math.Min(2000, r.Stdout.Length)..]);
        JsonElement m = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal("measurement", m.GetProperty("type").GetString());
        Assert.Equal(2, m.GetProperty("rounds").GetProperty("without").GetArrayLength());
        Assert.Equal(2, m.GetProperty("rounds").GetProperty("with").GetArrayLength());
        JsonElement[] figures = m.GetProperty("comparison").EnumerateArray().ToArray();
        Assert.Contains(figures, f => f.GetProperty("figure").GetString() == "run time mean (µs)");
        Assert.All(figures, f =>
        {
            Assert.Equal(2, f.GetProperty("withoutRounds").GetArrayLength());
            Assert.Contains(f.GetProperty("verdict").GetString(), new[] { "Within", "WithinBaselineNoise", "Outside" });
        });
    }

    private static RunFigures Run(bool hostile, long runs, double runMicros, double messageP95Ms)
    {
        var containers = new List<ContainerFigures> { new("acme", "fletcher32", "running", runs, 0, runMicros, runMicros * 2) };
        if (hostile)
        {
            containers.Add(new ContainerFigures(DemoPlan.HostileTenant, "spin", "quarantined", 3, 3, 500, 900));
        }
        var message = new LatencyStats((int)runs, messageP95Ms / 2, messageP95Ms / 2, messageP95Ms, messageP95Ms * 2);
        var none = new LatencyStats(0, 0, 0, 0, 0);
        return new RunFigures(hostile, 1000, containers, message, none, none, []);
    }
}
