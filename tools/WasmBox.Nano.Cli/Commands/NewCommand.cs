using System.CommandLine;
using System.Text.Json.Nodes;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Cli.Project;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx new NAME [--tenant T] [--slot N] [--key] [--policy] [--dir PARENT] [--json]</c>: scaffolds a
/// function project NAME/ (NAME.c, wbx.json; with --key the tenant's key pair in keys/, with
/// --policy a policy.json granting what the function uses) that `wbx build`, `deploy` and `sim` read.
/// </summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "Project and function name: 1-32 of a-z, 0-9, '-', '_'" };
        var tenant = new Option<string?>("--tenant") { Description = "Tenant id the function belongs to (default: NAME)" };
        var slot = new Option<int>("--slot") { Description = "The tenant's function slot, 0-255", DefaultValueFactory = _ => 0 };
        var key = new Option<bool>("--key") { Description = "Also create the tenant's key pair in NAME/keys/ (a keyring for `wbx device --keyring`)" };
        var policy = new Option<bool>("--policy") { Description = "Also write NAME/policy.json: the tenant's grants with every limit filled in" };
        var dir = new Option<string>("--dir") { Description = "Folder to create NAME/ in", DefaultValueFactory = _ => "." };
        var json = new Option<bool>("--json") { Description = "Print {project, files} as JSON" };
        var command = new Command("new", "Create a function project: a C file that builds, wbx.json and, when asked, a key and a policy")
        {
            name, tenant, slot, key, policy, dir, json,
        };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string projectName = parse.GetRequiredValue(name);
            IReadOnlyList<string> files = ProjectScaffold.Create(parse.GetRequiredValue(dir), projectName,
                parse.GetValue(tenant) ?? projectName, parse.GetValue(slot), parse.GetValue(key), parse.GetValue(policy));
            string folder = Path.Combine(parse.GetRequiredValue(dir), projectName);
            if (parse.GetValue(json))
            {
                Console.WriteLine(new JsonObject
                {
                    ["project"] = folder,
                    ["files"] = new JsonArray(files.Select(f => (JsonNode)f).ToArray()),
                }.ToJsonString());
                return 0;
            }
            Console.WriteLine("created " + folder + ":");
            foreach (string file in files)
                Console.WriteLine("  " + file);
            Console.WriteLine("next: wbx deploy " + folder + " --mqtt HOST:PORT --device ID   (or set WBX_MQTT and WBX_DEVICE)");
            return 0;
        }));
        return command;
    }
}
