using WasmBox.Nano.Deploy.Fleet;

namespace WasmBox.Nano.Deploy.Tests;

/// <summary>How `wbx fleet --processes` splits the devices and what its device processes say.</summary>
public class FleetPartTests
{
    [Theory]
    [InlineData(10, 3, new[] { 0, 4, 4, 3, 7, 3 })]
    [InlineData(10000, 4, new[] { 0, 2500, 2500, 2500, 5000, 2500, 7500, 2500 })]
    [InlineData(2, 4, new[] { 0, 1, 1, 1 })]
    [InlineData(5, 1, new[] { 0, 5 })]
    public void The_devices_are_split_evenly_and_every_one_is_in_exactly_one_slice(int devices, int processes, int[] firstAndCount)
    {
        var slices = FleetTrial.Slices(devices, processes);

        Assert.Equal(firstAndCount, slices.SelectMany(s => new[] { s.First, s.Count }).ToArray());
        Assert.Equal(devices, slices.Sum(s => s.Count));
    }

    [Fact]
    public async Task A_part_answers_a_check_with_its_holding_devices_and_stops_when_its_input_ends()
    {
        var part = new FixedPart(["fleet-00001", "fleet-00003"], losses: 2);
        var input = new StringReader(FleetPartProtocol.CheckLine("acme", 3, 7) + "\n");
        var output = new StringWriter();

        await FleetPartProtocol.ServeAsync(part, input, output, CancellationToken.None);

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal((5, 4096L), FleetPartProtocol.ParseOnline(lines[0]));
        FleetPartCheck check = FleetPartProtocol.ParseHolding(lines[1]);
        Assert.Equal(["fleet-00001", "fleet-00003"], check.Holding);
        Assert.Equal(2, check.ConnectionLosses);
        Assert.Equal(("acme", 3, 7L), part.Asked);
        Assert.Null(FleetPartProtocol.ParseOnline("start-up: 10/20 devices online after 5 s (0 connect retries)"));
    }

    [Fact]
    public async Task A_part_refuses_a_line_it_does_not_understand()
    {
        var error = await Assert.ThrowsAsync<DeployException>(() =>
            FleetPartProtocol.ServeAsync(new FixedPart([], 0), new StringReader("check acme three 7\n"), new StringWriter(), CancellationToken.None));

        Assert.Equal("a device process was sent 'check acme three 7'; it understands only 'check TENANT SLOT SEQUENCE'", error.Message);
    }

    private sealed class FixedPart(string[] holding, int losses) : IFleetPart
    {
        public (string, int, long)? Asked { get; private set; }

        public int ConnectRetries => 5;

        public long BytesUsed => 4096;

        public Task<FleetPartCheck> CheckAsync(string tenant, int slot, long sequence, CancellationToken cancellationToken)
        {
            Asked = (tenant, slot, sequence);
            return Task.FromResult(new FleetPartCheck(holding, losses));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
