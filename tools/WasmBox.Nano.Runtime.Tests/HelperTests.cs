using System.Text;
using WasmBox.Nano.Runtime.Board;
using WasmBox.Nano.Runtime.Containers;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hooks;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Runtime.Tests.Support;
using WasmBox.Nano.Vm;

namespace WasmBox.Nano.Runtime.Tests;

/// <summary>Each helper's ABI: arguments, results, bad pointers (HelperFault) and refused resources (-EACCES, counted).</summary>
public class HelperTests
{
    private const ulong Unmapped = 0x7000_0000;
    private static readonly ulong Eacces = Errno.Result(Errno.Access);

    private readonly Rig _rig = new();

    public HelperTests()
    {
        _rig.Provision(Rig.Tenant("a",
            pins: "{\"pin\": 2, \"mode\": \"output\"}, {\"pin\": 0, \"mode\": \"input\"}, {\"pin\": 5, \"mode\": \"output\"}",
            sensors: "{\"name\": \"temp0\", \"access\": \"read\"}, {\"name\": \"hum0\", \"access\": \"read\"}, " +
                     "{\"name\": \"led0\", \"access\": \"readwrite\"}",
            limits: Rig.DefaultLimits + ", \"localStore\": 2"));
    }

    /// <summary>Installs with pins 2 (out) and 0 (in), sensors temp0 (read) and led0 (write) declared.</summary>
    private Container Install(byte[] code, byte[]? rodata = null, params HookBinding[] hooks)
    {
        ContainerManifest m = Rig.Manifest("c" + _rig.Runtime.Containers.Length, hooks);
        m.Pins = new[] { new PinGrant(2, PinDriveMode.Output), new PinGrant(0, PinDriveMode.Input) };
        m.Sensors = new[] { new SensorGrant("temp0", false), new SensorGrant("led0", true) };
        m.Rodata = rodata;
        return _rig.Install("a", m, code);
    }

    private ulong Run(Container c)
    {
        _rig.RunTimer(c);
        return c.LastResult;
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    // ---- print

    [Fact]
    public void Print_formats_conversions_into_the_log_and_returns_the_length()
    {
        byte[] code = new Bpf()
            .StackString(5, -16, "ok")
            .StackString(1, -64, "v=%d u=%u x=%04x s=%s %%")
            .Mov(2, -5).Mov(3, 7).Mov(4, 255)
            .Call(HelperIds.Print).Exit().Build();
        Container c = Install(code);

        ulong length = Run(c);

        var line = Assert.Single(_rig.Board.FakeLog.Lines);
        Assert.Equal("a/" + c.Name, line.Source);
        Assert.Equal("v=-5 u=7 x=00ff s=ok %", line.Line);
        Assert.Equal((ulong)line.Line.Length, length);
        Assert.Equal(1, c.Counters.HelperCallsOf(HelperIds.Print));
    }

    [Fact]
    public void Print_with_an_unmapped_format_faults()
    {
        Container c = Install(new Bpf().Lddw(1, Unmapped).Call(HelperIds.Print).Exit().Build());
        Run(c);
        Assert.Equal(VmStatus.HelperFault, c.LastStatus);
        Assert.Empty(_rig.Board.FakeLog.Lines);
    }

    [Fact]
    public void Print_with_an_unmapped_string_argument_faults()
    {
        byte[] code = new Bpf().StackString(1, -16, "%s").Lddw(2, Unmapped).Call(HelperIds.Print).Exit().Build();
        Container c = Install(code);
        Run(c);
        Assert.Equal(VmStatus.HelperFault, c.LastStatus);
    }

    // ---- memcpy

    [Fact]
    public void Memcpy_copies_between_regions_and_returns_dest()
    {
        byte[] code = new Bpf()
            .StackPointer(1, -8).Lddw(2, MemoryRegion.RodataBase).Mov(3, 4)
            .Call(HelperIds.Memcpy)
            .MovReg(6, 0)
            .LdxW(0, 10, -8).Exit().Build();
        Container c = Install(code, rodata: new byte[] { 0x78, 0x56, 0x34, 0x12 });
        Assert.Equal(0x12345678UL, Run(c));
    }

    [Theory]
    [InlineData(0x7000_0000UL, 0x4000_0000UL)] // source unmapped
    [InlineData(0x4000_0000UL, 0x4000_0000UL)] // destination read-only rodata
    [InlineData(0x1000_0000UL, 0x4000_0000UL)] // destination read-only context
    [InlineData(0x2000_0000UL, 0x4000_0002UL)] // source runs past its region
    public void Memcpy_refuses_bad_ranges(ulong dest, ulong src)
    {
        byte[] code = new Bpf().Lddw(1, dest).Lddw(2, src).Mov(3, 4).Call(HelperIds.Memcpy).Exit().Build();
        Container c = Install(code, rodata: new byte[4]);
        Run(c);
        Assert.Equal(VmStatus.HelperFault, c.LastStatus);
    }

    // ---- key-value stores

    private static byte[] StoreThenFetch(int storeId, int fetchId, int key, int value) => new Bpf()
        .Mov(1, key).Mov(2, value).Call(storeId)
        .Mov(1, key).StackPointer(2, -8).Call(fetchId)
        .LdxW(0, 10, -8).Exit().Build();

    [Fact]
    public void Store_and_fetch_local_round_trip()
    {
        Container c = Install(StoreThenFetch(HelperIds.StoreLocal, HelperIds.FetchLocal, 7, 42));
        Assert.Equal(42UL, Run(c));
        Assert.Equal(42u, c.LocalStore.Fetch(7));
    }

    [Fact]
    public void Store_and_fetch_global_round_trip_through_the_tenant_store()
    {
        Container c = Install(StoreThenFetch(HelperIds.StoreGlobal, HelperIds.FetchGlobal, 9, 1234));
        Assert.Equal(1234UL, Run(c));
        Assert.Equal(1234u, c.Tenant.GlobalStore.Fetch(9));
    }

    [Fact]
    public void Fetch_of_a_missing_key_gives_zero()
    {
        byte[] code = new Bpf().StW(10, -8, 99).Mov(1, 5).StackPointer(2, -8).Call(HelperIds.FetchLocal)
            .LdxW(0, 10, -8).Exit().Build();
        Assert.Equal(0UL, Run(Install(code)));
    }

    [Fact]
    public void Store_into_a_full_store_returns_enomem()
    {
        // The tenant's local store holds 2 keys.
        byte[] code = new Bpf()
            .Mov(1, 1).Mov(2, 1).Call(HelperIds.StoreLocal)
            .Mov(1, 2).Mov(2, 1).Call(HelperIds.StoreLocal)
            .Mov(1, 3).Mov(2, 1).Call(HelperIds.StoreLocal).Exit().Build();
        Assert.Equal(Errno.Result(Errno.NoMemory), Run(Install(code)));
    }

    [Fact]
    public void Fetch_into_an_unwritable_pointer_faults()
    {
        byte[] code = new Bpf().Mov(1, 1).Lddw(2, MemoryRegion.ContextBase).Call(HelperIds.FetchGlobal).Exit().Build();
        Container c = Install(code);
        Run(c);
        Assert.Equal(VmStatus.HelperFault, c.LastStatus);
    }

    // ---- time

    [Fact]
    public void Now_ms_and_ztimer_now_read_the_board_clock()
    {
        _rig.Board.FakeClock.NowMs = 123456;
        Assert.Equal(123456UL, Run(Install(new Bpf().Call(HelperIds.NowMs).Exit().Build())));
        Assert.Equal(123456000UL, Run(Install(new Bpf().Call(HelperIds.ZtimerNow).Exit().Build())));
    }

    [Fact]
    public void Periodic_wakeup_advances_last_without_sleeping()
    {
        byte[] code = new Bpf().StW(10, -8, 1000).StackPointer(1, -8).Mov(2, 250)
            .Call(HelperIds.ZtimerPeriodicWakeup).LdxW(0, 10, -8).Exit().Build();
        Assert.Equal(1250UL, Run(Install(code)));
    }

    [Fact]
    public void Periodic_wakeup_with_a_bad_pointer_faults()
    {
        Container c = Install(new Bpf().Lddw(1, Unmapped).Mov(2, 1).Call(HelperIds.ZtimerPeriodicWakeup).Exit().Build());
        Run(c);
        Assert.Equal(VmStatus.HelperFault, c.LastStatus);
    }

    // ---- sensors (SAUL)

    [Fact]
    public void Saul_find_sees_only_declared_sensors()
    {
        // Declared: temp0 (board 0) and led0 (board 2); hum0 (board 1) is granted to the tenant but not declared.
        Assert.Equal(1UL, Run(Install(new Bpf().Mov(1, 0).Call(HelperIds.SaulFindNth).Exit().Build())));
        Assert.Equal(3UL, Run(Install(new Bpf().Mov(1, 1).Call(HelperIds.SaulFindNth).Exit().Build())));
        Assert.Equal(0UL, Run(Install(new Bpf().Mov(1, 2).Call(HelperIds.SaulFindNth).Exit().Build())));
    }

    [Fact]
    public void Saul_find_type_finds_declared_devices_only()
    {
        Container c = Install(new Bpf().Mov(1, FakeSensors.TemperatureType).Call(HelperIds.SaulFindType).Exit().Build());
        Assert.Equal(1UL, Run(c));
        Container hum = Install(new Bpf().Mov(1, 0x83).Call(HelperIds.SaulFindType).Exit().Build());
        Assert.Equal(0UL, Run(hum));
    }

    [Fact]
    public void Saul_read_writes_a_phydat()
    {
        byte[] code = new Bpf().Mov(1, 1).StackPointer(2, -8).Call(HelperIds.SaulRead)
            .MovReg(6, 0)
            .LdxDw(0, 10, -8).Exit().Build();
        Container c = Install(code);
        ulong phydat = Run(c);
        Assert.Equal(VmStatus.Ok, c.LastStatus);
        Assert.Equal(2345, (short)(phydat & 0xffff));
        Assert.Equal(-2, (sbyte)(phydat >> 56));
    }

    [Fact]
    public void Saul_read_of_an_undeclared_sensor_is_denied_and_counted()
    {
        Container c = Install(new Bpf().Mov(1, 2).StackPointer(2, -8).Call(HelperIds.SaulRead).Exit().Build());
        Assert.Equal(Eacces, Run(c));
        Assert.Equal(1, c.Counters.PolicyViolations);
    }

    [Fact]
    public void Saul_read_into_a_bad_pointer_faults()
    {
        Container c = Install(new Bpf().Mov(1, 1).Lddw(2, Unmapped).Call(HelperIds.SaulRead).Exit().Build());
        Run(c);
        Assert.Equal(VmStatus.HelperFault, c.LastStatus);
    }

    [Fact]
    public void Actuator_write_reaches_a_writable_declared_device_only()
    {
        Assert.Equal(0UL, Run(Install(new Bpf().Mov(1, 3).Mov(2, 1).Call(HelperIds.ActuatorWrite).Exit().Build())));
        Assert.Equal(1, _rig.Board.FakeSensors.Written[2]);

        Container readOnly = Install(new Bpf().Mov(1, 1).Mov(2, 1).Call(HelperIds.ActuatorWrite).Exit().Build());
        Assert.Equal(Eacces, Run(readOnly));
        Assert.Equal(1, readOnly.Counters.PolicyViolations);
    }

    // ---- GPIO

    [Fact]
    public void Gpio_write_read_and_toggle_declared_pins()
    {
        Assert.Equal(0UL, Run(Install(new Bpf().Mov(1, 2).Mov(2, 1).Call(HelperIds.GpioWrite).Exit().Build())));
        Assert.True(_rig.Board.FakeGpio.Read(2));
        Assert.Equal(0UL, Run(Install(new Bpf().Mov(1, 2).Call(HelperIds.GpioToggle).Exit().Build())));
        Assert.False(_rig.Board.FakeGpio.Read(2));
        _rig.Board.FakeGpio.Write(0, true);
        Assert.Equal(1UL, Run(Install(new Bpf().Mov(1, 0).Call(HelperIds.GpioRead).Exit().Build())));
    }

    [Theory]
    [InlineData(HelperIds.GpioWrite, 5)]  // granted to the tenant, but not declared by the container
    [InlineData(HelperIds.GpioWrite, 7)]  // not granted at all
    [InlineData(HelperIds.GpioWrite, 0)]  // declared as input: cannot be driven
    [InlineData(HelperIds.GpioToggle, 0)]
    [InlineData(HelperIds.GpioRead, 9)]
    public void Gpio_on_a_pin_outside_the_declaration_is_denied_and_counted(int helper, int pin)
    {
        bool before = _rig.Board.FakeGpio.Read(pin);
        Container c = Install(new Bpf().Mov(1, pin).Mov(2, 1).Call(helper).Exit().Build());
        Assert.Equal(Eacces, Run(c));
        Assert.Equal(1, c.Counters.PolicyViolations);
        Assert.Equal(before, _rig.Board.FakeGpio.Read(pin));
        Assert.Single(_rig.EventsOf(Monitoring.RuntimeEventKind.PolicyViolation));
    }

    // ---- fmt

    [Theory]
    [InlineData(2345, -2, "23.45")]
    [InlineData(-5, -1, "-0.5")]
    [InlineData(-32768, 0, "-32768")]
    [InlineData(12, 2, "1200")]
    [InlineData(7, -3, "0.007")]
    public void Fmt_s16_dfp_formats_fixed_point(int value, int digits, string expected)
    {
        byte[] code = new Bpf().StackPointer(1, -16).Mov(2, value).Mov(3, digits).Call(HelperIds.FmtS16Dfp)
            .MovReg(6, 0).LdxDw(0, 10, -16).Exit().Build();
        ulong text = Run(Install(code));
        byte[] bytes = BitConverter.GetBytes(text);
        Assert.Equal(expected, Encoding.ASCII.GetString(bytes, 0, expected.Length));
    }

    [Fact]
    public void Fmt_u32_dec_returns_the_digit_count()
    {
        byte[] code = new Bpf().StackPointer(1, -16).Lddw(2, 4294967295).Call(HelperIds.FmtU32Dec).Exit().Build();
        Assert.Equal(10UL, Run(Install(code)));
    }

    [Fact]
    public void Fmt_into_a_too_small_region_faults()
    {
        // Three bytes before the end of the stack cannot take ten digits.
        byte[] code = new Bpf().StackPointer(1, -3).Lddw(2, 4294967295).Call(HelperIds.FmtU32Dec).Exit().Build();
        Container c = Install(code);
        Run(c);
        Assert.Equal(VmStatus.HelperFault, c.LastStatus);
    }

    // ---- MQTT publish

    private static byte[] Publish(string topic, int qos = 0) => new Bpf()
        .StackString(3, -8, "hi").StackString(1, -48, topic)
        .MovReg(2, 3).Mov(3, 2).Mov(4, qos).Call(HelperIds.MqttPublish).Exit().Build();

    [Fact]
    public void Mqtt_publish_sends_on_a_granted_topic()
    {
        Assert.Equal(0UL, Run(Install(Publish("a/temp", 1))));
        var message = Assert.Single(_rig.Transport.Published);
        Assert.Equal(Rig.App + "a/temp", message.Topic);
        Assert.Equal("hi", Encoding.ASCII.GetString(message.Payload));
        Assert.Equal(1, message.Qos);
    }

    [Fact]
    public void Mqtt_publish_outside_the_tenants_topics_is_denied_and_counted()
    {
        Container c = Install(Publish("b/temp"));
        Assert.Equal(Eacces, Run(c));
        Assert.Empty(_rig.Transport.Published);
        Assert.Equal(1, c.Counters.PolicyViolations);
    }

    [Fact]
    public void Mqtt_publish_reports_a_disconnected_transport_and_bad_arguments()
    {
        Assert.Equal(Errno.Result(Errno.Invalid), Run(Install(Publish("a/+"))));
        Assert.Equal(Errno.Result(Errno.Invalid), Run(Install(Publish("a/x", qos: 2))));
        _rig.Transport.IsConnected = false;
        Assert.Equal(Errno.Result(Errno.NotConnected), Run(Install(Publish("a/temp"))));
    }

    // ---- payload

    [Fact]
    public void Payload_helpers_and_the_context_expose_the_event_payload()
    {
        byte[] code = new Bpf()
            .MovReg(6, 1)
            .Call(HelperIds.PayloadLength).MovReg(7, 0)                       // r7 = length
            .StackPointer(1, -8).Mov(2, 1).Mov(3, 8).Call(HelperIds.PayloadRead) // copy from offset 1
            .LdxB(8, 10, -8)                                                   // 'e'
            .LdxW(9, 6, ContextLayout.PayloadAddr).LdxB(9, 9, 0)               // 'h' through the context
            .MovReg(0, 7).Raw(0x67, 0, 0, 0, 8).AddReg(0, 8).Raw(0x67, 0, 0, 0, 8).AddReg(0, 9)
            .Exit().Build();
        Container c = Install(code, null, HookBinding.Mqtt("a/in"));
        _rig.Runtime.Dispatch(HookKind.Mqtt, 0, "a/in", Ascii("hello"), 5);
        Assert.Equal(VmStatus.Ok, c.LastStatus);
        Assert.Equal((5UL << 16) | ((ulong)'e' << 8) | 'h', c.LastResult);
    }

    [Fact]
    public void Payload_read_into_a_bad_pointer_faults()
    {
        Container c = Install(new Bpf().Lddw(1, Unmapped).Mov(2, 0).Mov(3, 4).Call(HelperIds.PayloadRead).Exit().Build(),
            null, HookBinding.Mqtt("a/in"));
        _rig.Runtime.Dispatch(HookKind.Mqtt, 0, "a/in", Ascii("hello"), 5);
        Assert.Equal(VmStatus.HelperFault, c.LastStatus);
    }

    // ---- log

    [Fact]
    public void Log_writes_a_level_and_message()
    {
        byte[] code = new Bpf().StackString(2, -8, "hi").Mov(1, 3).Mov(3, 2).Call(HelperIds.Log).Exit().Build();
        Container c = Install(code);
        Assert.Equal(0UL, Run(c));
        Assert.Equal(("a/" + c.Name, "ERROR hi"), Assert.Single(_rig.Board.FakeLog.Lines));
    }

    [Fact]
    public void Log_refuses_bad_levels_and_pointers()
    {
        Assert.Equal(Errno.Result(Errno.Invalid), Run(Install(new Bpf().Mov(1, 9).Call(HelperIds.Log).Exit().Build())));
        Container c = Install(new Bpf().Mov(1, 1).Lddw(2, Unmapped).Mov(3, 2).Call(HelperIds.Log).Exit().Build());
        Run(c);
        Assert.Equal(VmStatus.HelperFault, c.LastStatus);
    }

    // ---- CoAP

    [Fact]
    public void Coap_helpers_build_the_response_to_a_request()
    {
        byte[] code = new Bpf()
            .MovReg(6, 1)
            .MovReg(1, 6).Mov(2, 0x45).Call(HelperIds.CoapRespInit)
            .MovReg(1, 6).Mov(2, 50).Call(HelperIds.CoapAddFormat)
            .MovReg(1, 6).Mov(2, 1).Call(HelperIds.CoapOptFinish).MovReg(7, 0)
            .MovReg(1, 6).Call(HelperIds.CoapGetPdu)
            .StB(0, 0, 'o').StB(0, 1, 'k')
            .MovReg(0, 7).Add(0, 2).Exit().Build();
        Install(code, null, HookBinding.Coap("/a/status"));
        var response = new CoapResponse(64);

        Assert.True(_rig.Runtime.HandleCoap("/a/status", null, 0, response));

        Assert.Equal(0x45, response.Code);
        Assert.Equal(50, response.Format);
        Assert.Equal("ok", Encoding.ASCII.GetString(response.Payload, 0, response.PayloadLength));
        Assert.False(_rig.Runtime.HandleCoap("/a/other", null, 0, response));
        Assert.Equal(CoapExchange.NotFound, response.Code);
    }
}
