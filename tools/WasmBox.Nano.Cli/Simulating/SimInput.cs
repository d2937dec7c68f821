using System.Security.Cryptography;
using WasmBox.Nano.Bundle;
using WasmBox.Nano.Cli.Building;
using WasmBox.Nano.Cli.Deploying;
using WasmBox.Nano.Cli.Project;
using WasmBox.Nano.Sim.Keys;
using WasmBox.Nano.Sim.Session;
using WasmBox.Nano.Signing.Keys;
using WasmBox.Nano.Toolchain;

namespace WasmBox.Nano.Cli.Simulating;

/// <summary>
/// What `wbx sim INPUT` puts on its simulated board, told by content like `wbx deploy`: a bundle as it
/// is, or C source, an object, an image or a project folder built with its wbx.json and signed with a
/// key made for this run (the simulated board trusts it, so no tenant key is needed). The policy is the
/// one given, else the project's policy.json, else one granting exactly what the function declares.
/// </summary>
internal sealed record SimInput(NamedBundle Bundle, string? PolicyText, string PolicySource, MemoryKeyring? Keyring)
{
    /// <param name="policyPath">--policy, or null.</param>
    public static SimInput Open(string input, string? policyPath)
    {
        DeploySource source = DeploySource.Open(input);
        string? given = policyPath is null ? null : Io.InputFile.ReadText(policyPath);
        if (source.Bundle is not null)
            return new SimInput(new NamedBundle(input, source.Bundle), given, policyPath ?? "policy", null);
        FunctionProject project = source.Project!;
        using ECDsa key = TenantKeys.Generate();
        byte[] bundle = source.Sign(1, key, keyPath: null);
        var keyring = new MemoryKeyring().Add(project.Tenant, TenantKeys.PublicPoint(key));
        string projectPolicy = Path.Combine(project.Folder, ProjectScaffold.PolicyFile);
        if (given is not null)
            return new SimInput(new NamedBundle(input, bundle), given, policyPath!, keyring);
        if (File.Exists(projectPolicy))
            return new SimInput(new NamedBundle(input, bundle), File.ReadAllText(projectPolicy), projectPolicy, keyring);
        Manifest manifest = ManifestSpec.Of(project, 1).For(source.Image!);
        string generated = DeclaredPolicy.For(manifest, FunctionBuilder.VerifiedHelperIds(source.Image!), project.Topics);
        return new SimInput(new NamedBundle(input, bundle), generated, "the policy wbx sim made from " + project.Name + "'s declarations", keyring);
    }
}
