using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Bundle.Policies;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy.Client;
using WasmBox.Nano.Runtime.Helpers;
using WasmBox.Nano.Runtime.Hostcalls;
using WasmBox.Nano.Signing.Keys;
using WasmBox.Nano.Signing.Policies;

namespace WasmBox.Nano.Cli.Commands.Policies;

/// <summary>
/// <c>wbx policy build|pack|deploy|list|remove|inspect</c>: the board owner's hostcall policies
/// (POLICY-FORMAT.md): built like a function, signed here with the owner's key, sent to boards.
/// </summary>
internal static class PolicyCommand
{
    public static Command Create() => new("policy", "Build, sign, deploy, list, remove and inspect the board owner's hostcall policies")
    {
        PolicyBuildCommand.Create(), Pack(), PolicyRemoteCommands.Deploy(), PolicyRemoteCommands.List(), Remove(), Inspect(),
    };

    private static Command Pack()
    {
        var image = new Argument<string>("IMAGE") { Description = "Policy image (.wbi from `wbx build`)" };
        var key = KeyOption();
        var name = NameOption();
        var sequence = SequenceOption();
        var helpers = new Option<string[]>("--helper")
        {
            Description = "Helper the policy decides (repeatable, at least one): a name such as gpio_write, or an id",
            Arity = ArgumentArity.OneOrMore, Required = true,
        };
        var tenants = new Option<string[]>("--tenant") { Description = "Tenant it decides for (repeatable; none: every tenant)", Arity = ArgumentArity.ZeroOrMore };
        var budget = new Option<int>("--budget")
        {
            Description = "Instructions (and taken branches) per decision, 1-" + HostcallPolicy.MaxInstructionBudget,
            DefaultValueFactory = _ => HostcallPolicy.DefaultInstructionBudget,
        };
        var output = OutputOption();
        var json = JsonOption();
        var command = new Command("pack", "Sign a policy image, attached to helpers and tenants, with the owner's key")
        {
            image, key, name, sequence, helpers, tenants, budget, output, json,
        };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            FunctionImage function = PackCommand.LoadImage(parse.GetRequiredValue(image));
            var fields = new PolicyFields(parse.GetRequiredValue(name), parse.GetValue(sequence),
                parse.GetRequiredValue(helpers).Select(HelperId).ToArray(), parse.GetValue(tenants) ?? [], parse.GetValue(budget));
            string? refusal = PolicyCheck.Check(new PolicyDefinition
            {
                Name = fields.Name, Sequence = fields.Sequence, Text = function.Text, Rodata = function.Rodata,
                Entry = function.Entries[0].Index, HelperIds = fields.Helpers, Tenants = fields.Tenants,
                InstructionBudget = fields.InstructionBudget,
            });
            if (refusal is not null)
            {
                throw new CliError("a board would refuse it: " + refusal);
            }
            using ECDsa owner = TenantKeys.LoadPrivateKey(parse.GetRequiredValue(key));
            return Write(parse.GetRequiredValue(output), PolicySigner.Sign(function, fields, owner), owner, parse.GetValue(json));
        }));
        return command;
    }

    private static Command Remove()
    {
        var key = KeyOption();
        var name = NameOption();
        var sequence = new Option<long?>("--sequence")
        {
            Description = "Sequence number; must be above the name's installed one. Default when sending: the board's installed one + 1",
        };
        var output = new Option<string?>("--output", "-o") { Description = "Write the signed removal to this file (.wbp) instead of sending it" };
        var target = new PolicyTarget();
        var json = new Option<bool>("--json")
        {
            Description = "Print JSON: with -o {name, sequence, remove, bytes, ...}; sent, the board's answer " + PolicyRemoteCommands.ReplyJsonShape,
        };
        var command = new Command("remove", "Sign the removal of a policy and send it to a board (--device or --coap), or write it (-o)")
        {
            key, name, sequence, output, json,
        };
        target.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            string policy = parse.GetRequiredValue(name);
            string? path = parse.GetValue(output);
            using ECDsa owner = TenantKeys.LoadPrivateKey(parse.GetRequiredValue(key));
            if (path is not null)
            {
                long given = parse.GetValue(sequence) ?? throw new CliError("--sequence is needed with -o: the board's number is not known offline");
                return Write(path, PolicySigner.SignRemoval(policy, given, owner), owner, parse.GetValue(json));
            }
            long next = parse.GetValue(sequence) ?? await NextSequenceAsync(target, parse, policy, cancellationToken);
            return await PolicyRemoteCommands.SendAsync(target, parse, PolicySigner.SignRemoval(policy, next, owner), parse.GetValue(json), cancellationToken);
        }));
        return command;
    }

    private static async Task<long> NextSequenceAsync(PolicyTarget target, ParseResult parse, string policy, CancellationToken cancellationToken)
    {
        (string board, PolicyList list) = await target.ListAsync(parse, cancellationToken);
        return (list.Find(policy) ?? throw new CliError(board + " holds no policy " + policy + " (wbx policy list shows what it holds)")).Sequence + 1;
    }

    private static Command Inspect()
    {
        var file = new Argument<string>("FILE") { Description = "Policy bundle or removal (.wbp)" };
        var pub = new Option<string>("--pub") { Description = "The board owner's public key (owner.pub.pem)", Required = true };
        var json = JsonOption();
        var command = new Command("inspect", "Check a policy bundle as a board does and show what it decides") { file, pub, json };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            byte[] bytes = InputFile.ReadBytes(parse.GetRequiredValue(file));
            PolicyManifest m = PolicyBundleReader.Open(bytes, 0, bytes.Length, TenantKeys.LoadPublicKey(parse.GetRequiredValue(pub)),
                out FunctionImage? image, out BundleError error, out string detail)
                ?? throw new CliError(parse.GetRequiredValue(file) + " is refused: " + BundleErrorText.Name(error) + ": " + detail);
            Report(m, image, bytes.Length, null, parse.GetValue(json));
            return 0;
        }));
        return command;
    }

    /// <summary>Writes the signed bytes and reports what a board reads back from them.</summary>
    private static int Write(string path, byte[] signed, ECDsa owner, bool json)
    {
        File.WriteAllBytes(path, signed);
        PolicyManifest m = PolicyBundleReader.Open(signed, 0, signed.Length, TenantKeys.PublicPoint(owner), out FunctionImage? image,
            out _, out string detail) ?? throw new CliError("self-check failed: " + detail);
        Report(m, image, signed.Length, path, json);
        return 0;
    }

    private static void Report(PolicyManifest m, FunctionImage? image, int bytes, string? output, bool json)
    {
        if (json)
        {
            var o = new JsonObject
            {
                ["name"] = m.Name,
                ["sequence"] = m.Sequence,
                ["remove"] = m.Remove,
                ["bytes"] = bytes,
                ["helpers"] = new JsonArray(m.Helpers.Select(h => (JsonNode)HelperName(h)).ToArray()),
                ["tenants"] = new JsonArray(m.Tenants.Select(t => (JsonNode)t).ToArray()),
                ["budget"] = m.InstructionBudget,
            };
            if (output is not null)
            {
                o["output"] = output;
            }
            Console.WriteLine(o.ToJsonString());
            return;
        }
        string head = (output is null ? "" : "wrote " + output + ": ") + "policy " + m.Name + ", sequence " + m.Sequence;
        if (m.Remove)
        {
            Console.WriteLine(head + ": removal");
            return;
        }
        Console.WriteLine(head + " (" + bytes + " bytes)");
        Console.WriteLine("  decides: " + string.Join(", ", m.Helpers.Select(HelperName)));
        Console.WriteLine("  for:     " + (m.Tenants.Length == 0 ? "every tenant" : string.Join(", ", m.Tenants)));
        Console.WriteLine("  budget:  " + m.InstructionBudget + " instructions per decision");
        if (image is not null)
        {
            Console.WriteLine("  code:    " + image.Text.Length / 8 + " instructions, entry " + image.Entries[0].Name);
        }
    }

    private static int HelperId(string text)
    {
        int id = int.TryParse(text, out int n) ? n : HelperIds.IdOf(text);
        return HelperCatalog.SlotOf(id) >= 0 ? id : throw new CliError("--helper " + text + " is not a helper of the runtime (names as in `wbx inspect`, e.g. gpio_write)");
    }

    private static string HelperName(int id) => HelperIds.NameOf(id) ?? id.ToString();

    private static Option<string> KeyOption() => new("--key") { Description = "The board owner's private key (owner.key.pem from `wbx keygen --tenant owner`)", Required = true };

    private static Option<string> NameOption() => new("--name") { Description = "Policy name, 1-32 of a-z 0-9 - _ (a newer one replaces the older)", Required = true };

    private static Option<long> SequenceOption() => new("--sequence") { Description = "Sequence number; must be above the name's installed one", Required = true };

    private static Option<string> OutputOption() => new("--output", "-o") { Description = "File to write (.wbp)", Required = true };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print {name, sequence, remove, bytes, helpers, tenants, budget[, output]} as JSON" };
}
