using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>
    /// Hears every line a tenant's function prints or logs (besides the board log), so a device
    /// agent can forward it to the tenant. Called on the container's thread during its run: only queue.
    /// </summary>
    public interface ITenantOutput
    {
        void OnLine(Container container, string line);
    }
}
