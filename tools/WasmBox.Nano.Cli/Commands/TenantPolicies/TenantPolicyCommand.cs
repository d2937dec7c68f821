using System.CommandLine;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.TenantPolicies;

namespace WasmBox.Nano.Cli.Commands.TenantPolicies;

/// <summary>
/// <c>wbx tenant-policy check FILE [--json]</c> and <c>wbx tenant-policy schema [-o FILE]</c>: the board
/// owner's tenant policy document (what each tenant may use), checked as a board reads it and against
/// the JSON schema, every problem at once. Not <c>wbx policy</c>, which signs hostcall policy programs.
/// </summary>
internal static class TenantPolicyCommand
{
    public static Command Create() => new("tenant-policy", "Check a tenant policy document (grants and limits per tenant) or print its JSON schema")
    {
        Check(), Schema(),
    };

    private static Command Check()
    {
        var file = new Argument<string>("FILE") { Description = "The tenant policy document (JSON, e.g. policy.json from `wbx new --policy`)" };
        var json = new Option<bool>("--json") { Description = "Print {file, ok, problems: [{path, reason, source}], tenants: [{id, helpers, ..., limits}]} on one line" };
        var command = new Command("check", "Report every problem of a tenant policy document at once (path, what is wrong, the fix), or each tenant with every limit filled in")
        {
            file, json,
        };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string path = parse.GetRequiredValue(file);
            TenantPolicyReport report = TenantPolicyCheck.Check(InputFile.ReadText(path));
            if (parse.GetValue(json))
                JsonLine.Print(new { file = path, report.Ok, report.Problems, report.Tenants });
            else if (report.Ok)
                PrintTenants(path, report.Tenants);
            else
            {
                foreach (PolicyProblem problem in report.Problems)
                    Console.Error.WriteLine(path + ": " + problem + (problem.Source == PolicyProblem.Schema ? " (schema)" : ""));
                throw new CliError(path + ": " + Count(report.Problems.Count, "problem") + "; fix them and run `wbx tenant-policy check " + path + "` again");
            }
            return report.Ok ? 0 : CommandGuard.Failure;
        }));
        return command;
    }

    private static void PrintTenants(string path, IReadOnlyList<TenantSummary> tenants)
    {
        Console.WriteLine(path + ": ok, " + Count(tenants.Count, "tenant") + " (limits not given take their defaults)");
        foreach (TenantSummary t in tenants)
        {
            Console.WriteLine("  " + t.Id + ": helpers " + (t.Helpers.Count == 0 ? "(none)" : string.Join(", ", t.Helpers)) + "; "
                + Count(t.Pins, "pin") + ", " + Count(t.Sensors, "sensor") + ", " + Count(t.Topics, "topic") + ", "
                + Count(t.CoapPaths, "CoAP path") + ", " + Count(t.I2c, "I2C range") + (t.SignedInvokes ? ", signed invokes" : ""));
            Console.WriteLine("    " + string.Join(", ", t.Limits.Select(l => l.Key + " " + l.Value)));
        }
    }

    private static string Count(int n, string noun) => n + " " + noun + (n == 1 ? "" : "s");

    private static Command Schema()
    {
        var output = new Option<string?>("-o", "--output") { Description = "Write the schema to this file instead of standard output" };
        var command = new Command("schema", "Print the tenant policy JSON schema (draft 2020-12) for editors and other validators") { output };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string? path = parse.GetValue(output);
            if (path is null)
                Console.Write(TenantPolicySchema.Text);
            else
                File.WriteAllText(path, TenantPolicySchema.Text);
            return 0;
        }));
        return command;
    }
}
