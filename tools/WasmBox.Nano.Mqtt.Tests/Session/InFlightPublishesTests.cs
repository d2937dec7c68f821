using WasmBox.Nano.Mqtt.Codec;
using WasmBox.Nano.Mqtt.Packets;
using WasmBox.Nano.Mqtt.Session;

namespace WasmBox.Nano.Mqtt.Tests.Session;

public class InFlightPublishesTests
{
    private static byte[] Publish(ushort id) => PacketEncoder.Encode(new PublishPacket("t/" + id, [(byte)id], MqttQos.AtLeastOnce, PacketId: id));

    private static PublishPacket Decode(byte[] wire)
    {
        Assert.True(PacketDecoder.TryDecode(wire, 1024, out MqttPacket? packet, out _));
        return Assert.IsType<PublishPacket>(packet);
    }

    [Fact]
    public void Resends_in_publish_order_with_dup_only_on_messages_sent_before()
    {
        var inFlight = new InFlightPublishes();
        inFlight.Add(9, Publish(9));
        inFlight.MarkSent(9);
        inFlight.Add(3, Publish(3));

        PublishPacket[] resent = [.. inFlight.TakeForResend(new List<ushort>()).Select(Decode)];
        PublishPacket[] again = [.. inFlight.TakeForResend(new List<ushort>()).Select(Decode)];

        Assert.Equal([(ushort)9, (ushort)3], resent.Select(p => p.PacketId));
        Assert.Equal([true, false], resent.Select(p => p.Dup));
        Assert.All(again, p => Assert.True(p.Dup));
    }

    [Fact]
    public void An_acknowledged_message_completes_and_is_not_resent()
    {
        var inFlight = new InFlightPublishes();
        Task acknowledged = inFlight.Add(1, Publish(1));
        inFlight.Add(2, Publish(2));

        Assert.True(inFlight.Acknowledge(1));
        Assert.False(inFlight.Acknowledge(1));

        Assert.True(acknowledged.IsCompletedSuccessfully);
        Assert.Equal([(ushort)2], inFlight.TakeForResend(new List<ushort>()).Select(p => Decode(p).PacketId));
    }

    [Fact]
    public void Failing_all_faults_every_waiter_and_returns_their_identifiers()
    {
        var inFlight = new InFlightPublishes();
        Task first = inFlight.Add(4, Publish(4));
        Task second = inFlight.Add(5, Publish(5));

        IReadOnlyList<ushort> ids = inFlight.FailAll(new MqttNotConnectedException("gone"));

        Assert.Equal([(ushort)4, (ushort)5], ids);
        Assert.IsType<MqttNotConnectedException>(first.Exception!.InnerException);
        Assert.True(second.IsFaulted);
        Assert.Empty(inFlight.TakeForResend(new List<ushort>()));
    }

    [Fact]
    public void A_forgotten_unsent_message_frees_its_identifier_at_once()
    {
        var inFlight = new InFlightPublishes();
        inFlight.Add(1, Publish(1));

        Assert.True(inFlight.Forget(1));
        Assert.Empty(inFlight.TakeForResend(new List<ushort>()));
    }

    [Fact]
    public void A_forgotten_sent_message_keeps_its_identifier_until_its_late_puback_or_a_reconnect()
    {
        var inFlight = new InFlightPublishes();
        inFlight.Add(1, Publish(1));
        inFlight.MarkSent(1);
        inFlight.Add(2, Publish(2));
        inFlight.MarkSent(2);

        Assert.False(inFlight.Forget(1));
        Assert.False(inFlight.Forget(2));
        Assert.True(inFlight.Acknowledge(1));
        var released = new List<ushort>();
        Assert.Empty(inFlight.TakeForResend(released));

        Assert.Equal([(ushort)2], released);
    }
}
