using System;
using System.IO;
using WasmBox.Nano.Runtime.Board;

namespace WasmBox.Nano.Device.Networked.Storage
{
    /// <summary>
    /// The runtime's <see cref="IStorage"/> as files in one folder of a nanoFramework drive (ESP32 internal
    /// flash "I:", SD card "D:"). Names follow the simulator's rule (1-64 of A-Z a-z 0-9 _ . -, not starting
    /// with '.' or '-'), which leaves names starting with '.' free for this class's own work files.
    /// <para>
    /// A power cut leaves the old blob or the new one, never neither: a write goes to ".tmp-NAME", which is
    /// closed and then renamed to ".new-NAME" (a rename is atomic on the drive, so a ".new-" file is always
    /// complete); only then is NAME replaced by renaming ".new-NAME" over it. File.Move refuses an existing
    /// target, so the replace is delete-then-rename; a cut between the two leaves ".new-NAME" alone, and
    /// <see cref="Recover"/> (run by the constructor, i.e. at boot, and after any failed operation) finishes
    /// the job: it drops every ".tmp-" file and promotes every ".new-" file. Rename uses the same path.
    /// </para>
    /// </summary>
    public sealed class FileStorage : IStorage
    {
        public const int MaxNameLength = 64;

        private const string TempPrefix = ".tmp-";
        private const string NewPrefix = ".new-";

        private readonly object _sync = new object();
        private readonly string _root;
        private readonly IFileSystem _files;
        private readonly ILogSink _log;

        /// <param name="root">The folder, e.g. "I:\\wbx"; created when missing.</param>
        public FileStorage(string root, IFileSystem files, ILogSink log)
        {
            _root = root;
            _files = files;
            _log = log;
            if (!_files.DirectoryExists(root))
            {
                _files.CreateDirectory(root);
            }
            Recover();
        }

        public string Root { get { return _root; } }

        /// <summary>Null when <paramref name="name"/> is a valid blob name, else why not.</summary>
        public static string ValidateName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxNameLength)
            {
                return "must be 1 to " + MaxNameLength + " characters";
            }
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                if (!plain && (i == 0 || (c != '.' && c != '-')))
                {
                    return "may only contain A-Z, a-z, 0-9, '_', '.' and '-', and must not start with '.' or '-'";
                }
            }
            return null;
        }

        public bool Exists(string name)
        {
            if (ValidateName(name) != null)
            {
                return false;
            }
            lock (_sync)
            {
                return _files.FileExists(PathOf(name));
            }
        }

        public byte[] Read(string name)
        {
            if (ValidateName(name) != null)
            {
                return null;
            }
            lock (_sync)
            {
                try
                {
                    return _files.FileExists(PathOf(name)) ? _files.ReadAllBytes(PathOf(name)) : null;
                }
                catch (Exception e)
                {
                    _log.Write("storage", "read " + name + " failed: " + e.Message);
                    return null;
                }
            }
        }

        public bool Write(string name, byte[] data, int offset, int count)
        {
            if (ValidateName(name) != null || data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                return false;
            }
            lock (_sync)
            {
                string temp = PathOf(TempPrefix + name);
                try
                {
                    DeleteIfExists(temp);
                    using (Stream stream = _files.Create(temp))
                    {
                        stream.Write(data, offset, count);
                        stream.Flush();
                    }
                    MoveOver(temp, name);
                    return true;
                }
                catch (Exception e)
                {
                    return Failed("write " + name, e);
                }
            }
        }

        public bool Delete(string name)
        {
            if (ValidateName(name) != null)
            {
                return false;
            }
            lock (_sync)
            {
                try
                {
                    if (!_files.FileExists(PathOf(name)))
                    {
                        return false;
                    }
                    _files.Delete(PathOf(name));
                    return true;
                }
                catch (Exception e)
                {
                    return Failed("delete " + name, e);
                }
            }
        }

        public bool Rename(string from, string to)
        {
            if (ValidateName(from) != null || ValidateName(to) != null)
            {
                return false;
            }
            lock (_sync)
            {
                try
                {
                    if (!_files.FileExists(PathOf(from)))
                    {
                        return false;
                    }
                    if (from != to)
                    {
                        MoveOver(PathOf(from), to);
                    }
                    return true;
                }
                catch (Exception e)
                {
                    return Failed("rename " + from + " to " + to, e);
                }
            }
        }

        public string[] List(string prefix)
        {
            if (prefix == null)
            {
                prefix = "";
            }
            lock (_sync)
            {
                string[] files;
                try
                {
                    files = _files.GetFiles(_root);
                }
                catch (Exception e)
                {
                    _log.Write("storage", "list failed: " + e.Message);
                    return new string[0];
                }
                int n = 0;
                string[] names = new string[files.Length];
                for (int i = 0; i < files.Length; i++)
                {
                    string name = Path.GetFileName(files[i]);
                    if (ValidateName(name) == null && name.StartsWith(prefix))
                    {
                        names[n++] = name;
                    }
                }
                string[] result = new string[n];
                Array.Copy(names, result, n);
                SortOrdinal(result);
                return result;
            }
        }

        /// <summary>
        /// Finishes or rolls back interrupted writes: ".tmp-" files are incomplete and go, ".new-" files are
        /// complete and replace their target. Safe to run at any time; runs at construction.
        /// </summary>
        public void Recover()
        {
            lock (_sync)
            {
                string[] files = _files.GetFiles(_root);
                for (int i = 0; i < files.Length; i++)
                {
                    string file = Path.GetFileName(files[i]);
                    try
                    {
                        if (file.StartsWith(TempPrefix))
                        {
                            _files.Delete(files[i]);
                        }
                        else if (file.StartsWith(NewPrefix) && ValidateName(file.Substring(NewPrefix.Length)) == null)
                        {
                            Promote(file.Substring(NewPrefix.Length));
                            _log.Write("storage", "completed an interrupted write of " + file.Substring(NewPrefix.Length));
                        }
                    }
                    catch (Exception e)
                    {
                        _log.Write("storage", "recovery of " + file + " failed: " + e.Message);
                    }
                }
            }
        }

        /// <summary>Renames <paramref name="source"/> to ".new-NAME", then promotes it over NAME.</summary>
        private void MoveOver(string source, string name)
        {
            string staged = PathOf(NewPrefix + name);
            DeleteIfExists(staged);
            _files.Move(source, staged);
            Promote(name);
        }

        private void Promote(string name)
        {
            DeleteIfExists(PathOf(name));
            _files.Move(PathOf(NewPrefix + name), PathOf(name));
        }

        private bool Failed(string what, Exception e)
        {
            _log.Write("storage", what + " failed: " + e.Message);
            try
            {
                Recover();
            }
            catch (Exception again)
            {
                _log.Write("storage", "recovery after a failed " + what + " failed: " + again.Message);
            }
            return false;
        }

        private string PathOf(string name)
        {
            return Path.Combine(_root, name);
        }

        private void DeleteIfExists(string path)
        {
            if (_files.FileExists(path))
            {
                _files.Delete(path);
            }
        }

        private static void SortOrdinal(string[] names)
        {
            for (int i = 1; i < names.Length; i++)
            {
                string item = names[i];
                int j = i - 1;
                while (j >= 0 && CompareOrdinal(names[j], item) > 0)
                {
                    names[j + 1] = names[j];
                    j--;
                }
                names[j + 1] = item;
            }
        }

        // string.Compare is ordinal on nanoFramework but culture-aware on .NET; spell it out for both.
        private static int CompareOrdinal(string a, string b)
        {
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i] - b[i];
                }
            }
            return a.Length - b.Length;
        }
    }
}
