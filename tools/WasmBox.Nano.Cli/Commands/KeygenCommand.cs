using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Io;
using WasmBox.Nano.Signing.Keys;

namespace WasmBox.Nano.Cli.Commands;

/// <summary>
/// <c>wbx keygen --tenant NAME [--out DIR] [--force] [--json]</c>: a new ECDSA P-256 tenant key
/// pair as NAME.key.pem (PKCS#8, mode 0600) and NAME.pub.pem (SubjectPublicKeyInfo).
/// </summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant id: 1-32 of a-z, 0-9, '-', '_'", Required = true };
        var outDir = new Option<string>("--out")
        {
            Description = "Directory to write the key files into (created if missing)",
            DefaultValueFactory = _ => ".",
        };
        var force = new Option<bool>("--force") { Description = "Replace existing key files" };
        var json = new Option<bool>("--json")
        {
            Description = "Print {tenant, privateKey, publicKey, publicPoint} as JSON: the two file paths "
                + "and the 65-byte uncompressed public point (hex) a board's keyring holds",
        };
        var command = new Command("keygen", "Create a tenant's signing key pair (ECDSA P-256, PEM files)") { tenant, outDir, force, json };
        command.SetAction(parse => CommandGuard.Run(() =>
        {
            string name = parse.GetRequiredValue(tenant);
            if (!ManifestCodec.IsIdentifier(name))
            {
                throw new CliError("tenant id '" + name + "' must be 1-32 characters of a-z, 0-9, '-' and '_'");
            }
            string directory = parse.GetRequiredValue(outDir);
            string privatePath = KeyPairFiles.PrivateKeyPath(directory, name);
            string publicPath = KeyPairFiles.PublicKeyPath(directory, name);
            if (!parse.GetValue(force))
            {
                RequireAbsent(privatePath);
                RequireAbsent(publicPath);
            }
            Directory.CreateDirectory(directory);
            using ECDsa key = TenantKeys.Generate();
            KeyPairFiles.Write(directory, name, key, parse.GetValue(force));
            string point = Convert.ToHexStringLower(TenantKeys.PublicPoint(key));
            if (parse.GetValue(json))
            {
                Console.WriteLine(new JsonObject
                {
                    ["tenant"] = name,
                    ["privateKey"] = privatePath,
                    ["publicKey"] = publicPath,
                    ["publicPoint"] = point,
                }.ToJsonString());
            }
            else
            {
                Console.WriteLine("wrote " + privatePath + " (private, keep it secret) and " + publicPath);
                Console.WriteLine("public point: " + point);
            }
            return 0;
        }));
        return command;
    }

    private static void RequireAbsent(string path)
    {
        if (File.Exists(path))
        {
            throw new CliError(path + " already exists; use --force to replace it");
        }
    }
}
