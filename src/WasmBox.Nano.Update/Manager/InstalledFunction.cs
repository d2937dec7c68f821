using WasmBox.Nano.Runtime.Containers;

namespace WasmBox.Nano.Update
{
    /// <summary>A function the update manager has installed, as <see cref="UpdateManager.Installed"/> lists it.</summary>
    public sealed class InstalledFunction
    {
        public string Tenant;
        public int Slot;
        /// <summary>
        /// The slot's persisted sequence number: the next bundle or command must exceed it. Equals
        /// <see cref="BundleSequence"/> except after a rollback, which raises it to the command's.
        /// </summary>
        public long Sequence;
        /// <summary>SHA-256 of the installed image (32 bytes), from its signed manifest.</summary>
        public byte[] Digest;
        public string Name;
        public Container Container;
        /// <summary>The sequence number in the installed bundle's own manifest.</summary>
        public long BundleSequence;
        /// <summary>True when a previous version is kept for a rollback command.</summary>
        public bool HasPrevious;
    }
}
