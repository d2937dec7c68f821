using WasmBox.Nano.Mqtt.Session;

namespace WasmBox.Nano.Mqtt.Tests.Session;

public class PacketIdPoolTests
{
    [Fact]
    public void Identifiers_are_non_zero_and_skip_those_in_use_after_wrapping()
    {
        var pool = new PacketIdPool();
        ushort first = pool.Rent();
        for (int i = 1; i < ushort.MaxValue - 1; i++)
            pool.Return(pool.Rent());
        ushort last = pool.Rent();

        ushort wrapped = pool.Rent();

        Assert.Equal(1, first);
        Assert.Equal(ushort.MaxValue, last);
        Assert.Equal(2, wrapped);
    }

    [Fact]
    public void Running_out_is_a_clear_error()
    {
        var pool = new PacketIdPool();
        for (int i = 0; i < ushort.MaxValue; i++)
            pool.Rent();

        var error = Assert.Throws<InvalidOperationException>(() => pool.Rent());
        Assert.Contains("65535", error.Message);
    }
}
