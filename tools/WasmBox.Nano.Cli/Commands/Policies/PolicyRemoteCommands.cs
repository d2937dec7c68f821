using System.CommandLine;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Bundle.Policies;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Deploy.Client;

namespace WasmBox.Nano.Cli.Commands.Policies;

/// <summary>
/// <c>wbx policy deploy FILE</c> and <c>wbx policy list</c>: a signed policy (or removal) to a board
/// and the board's answer; the policies a board holds. Exit 1 when the board refuses or does not answer.
/// </summary>
internal static class PolicyRemoteCommands
{
    public const string ReplyJsonShape = "{op, bytes, ok, status, refusal, reason, name, sequence}, or {timedOut: true}";

    public static Command Deploy()
    {
        var file = new Argument<string>("FILE") { Description = "Signed policy or removal (.wbp from `wbx policy pack` or `wbx policy remove -o`)" };
        var target = new PolicyTarget();
        var json = new Option<bool>("--json") { Description = "Print the board's answer as JSON " + ReplyJsonShape };
        var command = new Command("deploy", "Send a signed policy (or removal) to a board and wait for its answer") { file, json };
        target.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            string path = parse.GetRequiredValue(file);
            byte[] signed = RemoteCommand.ReadBytes(path);
            RequirePolicy(path, signed);
            return await SendAsync(target, parse, signed, parse.GetValue(json), cancellationToken);
        }));
        return command;
    }

    public static Command List()
    {
        var target = new PolicyTarget();
        var json = new Option<bool>("--json") { Description = "Print {device, policies: [{name, sequence, helpers, tenants, budget}]} as JSON" };
        var command = new Command("list", "Show the hostcall policies a board holds (name, sequence, helpers, tenants, budget)") { json };
        target.AddTo(command);
        command.SetAction((parse, cancellationToken) => RemoteCommand.RunAsync(async () =>
        {
            (string board, PolicyList list) = await target.ListAsync(parse, cancellationToken);
            if (parse.GetValue(json))
            {
                JsonLine.Print(list);
                return 0;
            }
            Console.WriteLine(board + ": " + (list.Policies.Length == 0 ? "no policies" : list.Policies.Length + " polic" + (list.Policies.Length == 1 ? "y" : "ies")));
            foreach (PolicyInfo p in list.Policies)
            {
                Console.WriteLine("  " + p.Name + "  sequence " + p.Sequence + "  decides " + string.Join(", ", p.Helpers)
                    + "  for " + (p.Tenants.Length == 0 ? "every tenant" : string.Join(", ", p.Tenants)) + "  budget " + p.Budget);
            }
            return 0;
        }));
        return command;
    }

    /// <summary>Sends and prints the answer the way deploy and remove both do.</summary>
    public static async Task<int> SendAsync(PolicyTarget target, ParseResult parse, byte[] signed, bool json, CancellationToken cancellationToken)
    {
        (string board, PolicyReply? reply) = await target.SendAsync(parse, signed, cancellationToken);
        if (json)
            JsonLine.Print(reply is null ? new { timedOut = true } : reply);
        else if (reply is null)
            Console.Error.WriteLine("wbx: error: " + board + " did not answer within the timeout: check that it is online (wbx status) and was started with the owner's key");
        else
            Console.WriteLine(board + ": " + reply);
        return reply?.Ok == true ? 0 : CommandGuard.Failure;
    }

    /// <summary>Refuses, before anything is sent, a file that is not a policy bundle (a function bundle, say).</summary>
    private static void RequirePolicy(string path, byte[] signed)
    {
        // Without a key the reader checks envelope and policy manifest and stops at the signature: the board's check.
        PolicyBundleReader.Open(signed, 0, signed.Length, null, out _, out BundleError error, out string detail);
        if (error != BundleError.BadSignature)
            throw new CliError(path + " is not a signed policy (" + BundleErrorText.Name(error) + ": " + detail + "); make one with `wbx policy pack` or `wbx policy remove -o`");
    }
}
