using System.IO;

namespace WasmBox.Nano.Device.Networked.Storage
{
    /// <summary>
    /// The few file-system calls <see cref="FileStorage"/> and <see cref="DriveWait"/> make, so the logic that
    /// must survive power cuts and slow drives runs in host tests over a file system that fails the way the
    /// board's does; <see cref="NanoFileSystem"/> passes them to System.IO on the board.
    /// </summary>
    public interface IFileSystem
    {
        bool DirectoryExists(string path);

        void CreateDirectory(string path);

        string[] GetFiles(string path);

        bool FileExists(string path);

        byte[] ReadAllBytes(string path);

        /// <summary>Creates the file, or truncates it when it exists, for writing.</summary>
        Stream Create(string path);

        Stream OpenRead(string path);

        void Delete(string path);
    }
}
