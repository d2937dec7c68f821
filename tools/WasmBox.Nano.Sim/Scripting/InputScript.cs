using WasmBox.Nano.Sim.Session;

namespace WasmBox.Nano.Sim.Scripting;

/// <summary>Scripted inputs in time order, handed out as they fall due.</summary>
public sealed class InputScript
{
    private readonly ScriptedInput[] _inputs;
    private int _next;

    public InputScript(IEnumerable<ScriptedInput> inputs)
    {
        _inputs = inputs.OrderBy(i => i.AtMs).ToArray();
    }

    public IReadOnlyList<ScriptedInput> Inputs => _inputs;

    /// <summary>The inputs applied so far (a run cut short by Ctrl+C applies fewer).</summary>
    public IReadOnlyList<ScriptedInput> Applied => _inputs[.._next];

    /// <summary>Checks every input against the board before the run starts.</summary>
    public void Validate(SimulationSession session)
    {
        var buttons = session.Board.Profile.Buttons.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        foreach (ScriptedInput input in _inputs)
        {
            if (input is ButtonClick click && !buttons.Contains(click.Button))
            {
                throw new SimSetupException("--press " + click.Button + ": profile " + session.Board.Profile.Id
                    + " has no such button (it has: " + (buttons.Count == 0 ? "none" : string.Join(", ", buttons.Order())) + ")");
            }
            if (input is Message && session.Cloud is null)
            {
                throw new SimSetupException("--message: profile " + session.Board.Profile.Id + " has no network");
            }
            if (input is CoapRequest && !session.Board.Profile.Features.Coap)
            {
                throw new SimSetupException("CoAP request: profile " + session.Board.Profile.Id + " has no CoAP");
            }
        }
    }

    /// <summary>Applies every input due at <paramref name="elapsedMs"/> not applied yet; returns them.</summary>
    public IReadOnlyList<ScriptedInput> ApplyDue(SimulationSession session, long elapsedMs)
    {
        var applied = new List<ScriptedInput>();
        while (_next < _inputs.Length && _inputs[_next].AtMs <= elapsedMs)
        {
            ScriptedInput input = _inputs[_next++];
            input.Apply(session);
            applied.Add(input);
        }
        return applied;
    }
}
