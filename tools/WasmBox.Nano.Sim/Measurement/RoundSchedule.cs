namespace WasmBox.Nano.Sim.Measurement;

/// <summary>
/// The order of the comparison's rounds: without/with pairs in ABBA order (without, with, with,
/// without, ...), so slow drift of the machine (other load, frequency, caches) weighs on both
/// configurations alike instead of always favouring whichever runs first.
/// </summary>
public static class RoundSchedule
{
    /// <summary>For each of 2 × <paramref name="roundsPerConfiguration"/> rounds: true when it runs with the hostile tenant.</summary>
    public static IReadOnlyList<bool> WithHostile(int roundsPerConfiguration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roundsPerConfiguration, 1);
        var order = new List<bool>();
        for (int pair = 0; pair < roundsPerConfiguration; pair++)
        {
            bool hostileFirst = pair % 2 == 1;
            order.Add(hostileFirst);
            order.Add(!hostileFirst);
        }
        return order;
    }
}
