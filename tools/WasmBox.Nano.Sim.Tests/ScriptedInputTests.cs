using System.Text;
using WasmBox.Nano.Sim.Scripting;
using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.Tests;

public sealed class ScriptedInputTests
{
    [Fact]
    public void A_press_names_a_button_and_a_time()
    {
        ButtonClick press = ScriptedInput.ParsePress("boot@1500");

        Assert.Equal(("boot", 1500L), (press.Button, press.AtMs));
    }

    [Fact]
    public void A_message_splits_at_the_first_equals_and_the_last_at()
    {
        Message m = ScriptedInput.ParseMessage("acme/data/x=a=b@c@250");

        Assert.Equal("acme/data/x", m.Topic);
        Assert.Equal("a=b@c", Encoding.UTF8.GetString(m.Payload));
        Assert.Equal(250, m.AtMs);
    }

    [Theory]
    [InlineData("boot")]
    [InlineData("boot@soon")]
    [InlineData("boot@-5")]
    [InlineData("@100")]
    public void A_malformed_press_is_refused_with_the_expected_shape(string text)
    {
        var e = Assert.Throws<SimSetupException>(() => ScriptedInput.ParsePress(text));
        Assert.Contains("BUTTON@MS", e.Message);
    }

    [Theory]
    [InlineData("acme/x@100")]
    [InlineData("=payload@100")]
    [InlineData("acme/x=payload")]
    public void A_malformed_message_is_refused_with_the_expected_shape(string text)
    {
        var e = Assert.Throws<SimSetupException>(() => ScriptedInput.ParseMessage(text));
        Assert.Contains("TOPIC=PAYLOAD@MS", e.Message);
    }

    [Fact]
    public void A_script_applies_inputs_in_time_order_once()
    {
        var script = new InputScript([new ButtonClick("b", 300), new ButtonClick("a", 100), new ButtonClick("c", 200)]);

        Assert.Equal(["a", "c", "b"], script.Inputs.Cast<ButtonClick>().Select(i => i.Button));
        Assert.Empty(script.Applied);
    }
}
