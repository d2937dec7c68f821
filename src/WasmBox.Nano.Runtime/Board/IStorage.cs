namespace WasmBox.Nano.Runtime.Board
{
    /// <summary>
    /// Persistent key to blob storage (ESP32 internal flash drive, STM32 SD card, files on the
    /// simulator). Names are flat, short and ASCII. Write replaces a whole blob; the update
    /// manager builds atomic installs on top with a journal and Rename.
    /// </summary>
    public interface IStorage
    {
        bool Exists(string name);

        /// <summary>The blob, or null when absent.</summary>
        byte[] Read(string name);

        /// <summary>Stores a blob, replacing any old one; false on failure.</summary>
        bool Write(string name, byte[] data, int offset, int count);

        bool Delete(string name);

        /// <summary>Renames a blob, replacing the target; false when the source is absent.</summary>
        bool Rename(string from, string to);

        /// <summary>Names that start with <paramref name="prefix"/>.</summary>
        string[] List(string prefix);
    }
}
