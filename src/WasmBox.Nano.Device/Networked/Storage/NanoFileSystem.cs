using System.IO;

namespace WasmBox.Nano.Device.Networked.Storage
{
    /// <summary>
    /// <see cref="IFileSystem"/> as System.IO's File and Directory (nanoFramework.System.IO.FileSystem on the board).
    /// There is deliberately no Move: see <see cref="FileStorage"/> for why nothing relies on it.
    /// </summary>
    public sealed class NanoFileSystem : IFileSystem
    {
        public bool DirectoryExists(string path)
        {
            return Directory.Exists(path);
        }

        public void CreateDirectory(string path)
        {
            Directory.CreateDirectory(path);
        }

        public string[] GetFiles(string path)
        {
            return Directory.GetFiles(path);
        }

        public bool FileExists(string path)
        {
            return File.Exists(path);
        }

        public byte[] ReadAllBytes(string path)
        {
            return File.ReadAllBytes(path);
        }

        public Stream Create(string path)
        {
            return File.Create(path);
        }

        public Stream OpenRead(string path)
        {
            return File.OpenRead(path);
        }

        public void Delete(string path)
        {
            File.Delete(path);
        }
    }
}
