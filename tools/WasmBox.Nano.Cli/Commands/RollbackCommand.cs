using System.CommandLine;
using WasmBox.Nano.Protocol;

namespace WasmBox.Nano.Cli.Commands;

/// <summary><c>wbx rollback --mqtt URL --device ID --tenant T --slot N --key FILE [--sequence N]</c> (see <see cref="TenantCommand"/>).</summary>
internal static class RollbackCommand
{
    public static Command Create() =>
        TenantCommand.Create(UpdateOperation.Rollback, "rollback",
            "Put a slot's previous function back (a command signed with the tenant's key)");
}
