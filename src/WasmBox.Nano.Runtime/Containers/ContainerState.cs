namespace WasmBox.Nano.Runtime.Containers
{
    /// <summary>
    /// Lifecycle: Installed -> Running <-> Stopped; Running -> Quarantined (by the monitor);
    /// any -> Removed. Only Running containers receive events. Start releases a quarantined one.
    /// </summary>
    public enum ContainerState
    {
        Installed = 0,
        Running = 1,
        Stopped = 2,
        Quarantined = 3,
        Removed = 4,
    }

    public static class ContainerStateText
    {
        public static string Describe(ContainerState state)
        {
            switch (state)
            {
                case ContainerState.Installed: return "installed";
                case ContainerState.Running: return "running";
                case ContainerState.Stopped: return "stopped";
                case ContainerState.Quarantined: return "quarantined";
                case ContainerState.Removed: return "removed";
                default: return "unknown";
            }
        }
    }
}
