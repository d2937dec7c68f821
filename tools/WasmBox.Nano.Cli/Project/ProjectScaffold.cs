using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Runtime.Policy;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Cli.Project;

/// <summary>
/// What <c>wbx new NAME</c> writes into NAME/: a C function that builds and prints on a timer,
/// wbx.json, and when asked the tenant's key pair (keys/, also a keyring a simulated device
/// trusts) and a policy granting the tenant what the function uses, with every limit filled in.
/// </summary>
internal static class ProjectScaffold
{
    public const int TimerMs = 1000;
    public const string KeysFolder = "keys";
    public const string PolicyFile = "policy.json";
    private const int OutsideRunsPerSecond = 10;

    /// <summary>Creates the project; returns the files written. Refuses a folder that exists.</summary>
    public static IReadOnlyList<string> Create(string parent, string name, string tenant, int slot, bool withKey, bool withPolicy)
    {
        if (!ManifestCodec.IsIdentifier(name))
            throw new CliError("project name '" + name + "' must be 1-32 characters of a-z, 0-9, '-' and '_' (it names the function and its C entry)");
        if (!ManifestCodec.IsIdentifier(tenant))
            throw new CliError("tenant id '" + tenant + "' must be 1-32 characters of a-z, 0-9, '-' and '_'");
        if (slot is < 0 or > 255)
            throw new CliError("--slot must be 0-255");
        string folder = Path.Combine(parent, name);
        if (Path.Exists(folder))
            throw new CliError(folder + " already exists; pick another NAME or --dir");
        string entry = name.Replace('-', '_');
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void Write(string file, string text)
        {
            string path = Path.Combine(folder, file);
            File.WriteAllText(path, text);
            written.Add(path);
        }
        Write(name + ".c", Source(name, entry));
        var project = new FunctionProject
        {
            Name = name,
            Source = name + ".c",
            Tenant = tenant,
            Slot = slot,
            Entry = entry,
            Hooks = ["timer:" + TimerMs],
            Key = withKey ? Path.Combine(KeysFolder, tenant + ".key.pem") : null,
        };
        project.Save(Path.Combine(folder, FunctionProject.FileName));
        written.Add(Path.Combine(folder, FunctionProject.FileName));
        if (withKey)
        {
            string keys = Path.Combine(folder, KeysFolder);
            Directory.CreateDirectory(keys);
            using ECDsa key = TenantKeys.Generate();
            KeyPairFiles.Write(keys, tenant, key, overwrite: false);
            written.Add(KeyPairFiles.PrivateKeyPath(keys, tenant));
            written.Add(KeyPairFiles.PublicKeyPath(keys, tenant));
        }
        if (withPolicy)
            Write(PolicyFile, Policy(tenant));
        return written;
    }

    private static string Source(string name, string entry) => $$"""
        /* {{name}}: runs every {{TimerMs}} ms (wbx.json "hooks") and prints a line that `wbx deploy`,
         * `wbx logs` and `wbx sim` show. wasmbox.h is built into wbx; every helper is in it. */
        #include "wasmbox.h"

        int64_t {{entry}}(const struct wbx_context *ctx)
        {
            wbx_print("hello from {{name}}, run %u", ctx->sequence);
            return 0;
        }

        """;

    /// <summary>A provisioning document for one tenant: the helpers the stub uses and every limit at a working default.</summary>
    private static string Policy(string tenant)
    {
        // Every limit written out at the board reader's default, so the owner sees what there is to tune;
        // outside runs (invokes) lower than that default, which is the tenant's runsPerSecond.
        var limits = new JsonObject();
        foreach (LimitRange range in LimitRange.All)
            limits[range.Name] = range.Default == LimitRange.DefaultFromOther ? OutsideRunsPerSecond : range.Default;
        var document = new JsonObject
        {
            ["tenants"] = new JsonArray(new JsonObject
            {
                ["id"] = tenant,
                ["helpers"] = new JsonArray("print", "log", "now_ms", "store_local", "fetch_local"),
                ["pins"] = new JsonArray(),
                ["sensors"] = new JsonArray(),
                ["topics"] = new JsonArray(tenant + "/#"),
                ["coapPaths"] = new JsonArray("/" + tenant + "/"),
                ["limits"] = limits,
            }),
        };
        return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
