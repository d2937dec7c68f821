using System.CommandLine;
using WasmBox.Nano.Protocol;

namespace WasmBox.Nano.Cli.Commands;

/// <summary><c>wbx remove --mqtt URL --device ID --tenant T --slot N --key FILE [--sequence N]</c> (see <see cref="TenantCommand"/>).</summary>
internal static class RemoveCommand
{
    public static Command Create() =>
        TenantCommand.Create(UpdateOperation.Remove, "remove", "Remove a tenant's function from a device (a command signed with the tenant's key)");
}
