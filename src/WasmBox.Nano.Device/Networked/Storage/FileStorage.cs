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
    /// A power cut leaves the old blob or the new one, never neither, without trusting File.Move: on the board
    /// it falls back to copy-then-delete when the native rename fails (and then deletes the source even when
    /// the copy broke off). So nothing here renames. A change writes the new content to ".new-NAME" and reads it
    /// back (write-new, verify); only then does it write the journal entry ".jrn-NAME", a small self-checking
    /// record, which is the switch: from then on the change counts as done. It copies ".new-NAME" over NAME,
    /// reads that back, deletes the source of a rename, ".new-NAME", and last the journal entry.
    /// <see cref="Recover"/> (run by the constructor, i.e. at boot, and after any failed operation) redoes the
    /// copy for every valid journal entry and drops every other work file: a ".new-" file without a journal
    /// entry may be incomplete, a journal entry that fails its check was cut while being written.
    /// </para>
    /// </summary>
    public sealed class FileStorage : IStorage
    {
        public const int MaxNameLength = 64;

        private const string NewPrefix = ".new-";
        private const string JournalPrefix = ".jrn-";
        // Journal entry: "WBXJ", format 1, the rename source's length (0: none) and ASCII name, FNV-1a of all that
        // (big-endian; each byte is the low byte of a shift, so nanoCLR's signed or unsigned shr gives the same).
        private const int JournalHeader = 6;
        private const int JournalCheck = 4;
        private const int ChunkBytes = 256;

        private readonly object _sync = new object();
        private readonly string _root;
        private readonly IFileSystem _files;
        private readonly ILogSink _log;
        // Copy and verify buffers, allocated once.
        private readonly byte[] _chunk = new byte[ChunkBytes];
        private readonly byte[] _probe = new byte[ChunkBytes];

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
                try
                {
                    string staged = PathOf(NewPrefix + name);
                    WriteFile(staged, data, offset, count);
                    ReadsBack(Holds(staged, data, offset, count), NewPrefix + name);
                    Commit(name, null);
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
                        string staged = PathOf(NewPrefix + to);
                        CopyFile(PathOf(from), staged);
                        ReadsBack(SameContent(PathOf(from), staged), NewPrefix + to);
                        Commit(to, from);
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
        /// Finishes the changes whose journal entry is complete and drops every other work file. Safe to run at any
        /// time; runs at construction.
        /// </summary>
        public void Recover()
        {
            lock (_sync)
            {
                string[] files = _files.GetFiles(_root);
                for (int i = 0; i < files.Length; i++)
                {
                    string file = Path.GetFileName(files[i]);
                    if (!file.StartsWith(JournalPrefix))
                    {
                        continue;
                    }
                    string name = file.Substring(JournalPrefix.Length);
                    try
                    {
                        string source;
                        if (ValidateName(name) == null && ReadJournal(files[i], out source))
                        {
                            Switch(name, source);
                            _log.Write("storage", "completed an interrupted write of " + name);
                        }
                        else
                        {
                            // Cut while the entry was written: the change never took effect.
                            _files.Delete(files[i]);
                        }
                    }
                    catch (Exception e)
                    {
                        _log.Write("storage", "recovery of " + name + " failed: " + e.Message);
                    }
                }
                for (int i = 0; i < files.Length; i++)
                {
                    string file = Path.GetFileName(files[i]);
                    try
                    {
                        // Every other dot-file is an unverified ".new-" copy (or an older firmware's work file),
                        // unless it belongs to a journal entry whose switch failed above and must be retried.
                        if (file.StartsWith(".") && _files.FileExists(files[i]) && !file.StartsWith(JournalPrefix)
                            && !(file.StartsWith(NewPrefix) && _files.FileExists(PathOf(JournalPrefix + file.Substring(NewPrefix.Length)))))
                        {
                            _files.Delete(files[i]);
                        }
                    }
                    catch (Exception e)
                    {
                        _log.Write("storage", "removing " + file + " failed: " + e.Message);
                    }
                }
            }
        }

        /// <summary>The switch: ".new-NAME" is complete and verified; the journal entry makes the change happen.</summary>
        private void Commit(string name, string source)
        {
            string journal = PathOf(JournalPrefix + name);
            byte[] entry = JournalEntry(source);
            WriteFile(journal, entry, 0, entry.Length);
            ReadsBack(Holds(journal, entry, 0, entry.Length), JournalPrefix + name);
            Switch(name, source);
        }

        /// <summary>Copies ".new-NAME" over NAME and checks it, then removes the source, ".new-NAME" and the journal entry.</summary>
        private void Switch(string name, string source)
        {
            string staged = PathOf(NewPrefix + name);
            // Without ".new-NAME" a cut came after NAME was verified: only the clean-up is left.
            if (_files.FileExists(staged))
            {
                CopyFile(staged, PathOf(name));
                ReadsBack(SameContent(staged, PathOf(name)), name);
            }
            if (source != null)
            {
                DeleteIfExists(PathOf(source));
            }
            DeleteIfExists(staged);
            _files.Delete(PathOf(JournalPrefix + name));
        }

        private static void ReadsBack(bool verified, string file)
        {
            if (!verified)
            {
                throw new IOException(file + " does not read back as written");
            }
        }

        private static byte[] JournalEntry(string source)
        {
            int length = source == null ? 0 : source.Length;
            byte[] entry = new byte[JournalHeader + length + JournalCheck];
            entry[0] = (byte)'W';
            entry[1] = (byte)'B';
            entry[2] = (byte)'X';
            entry[3] = (byte)'J';
            entry[4] = 1;
            entry[5] = (byte)length;
            for (int i = 0; i < length; i++)
            {
                entry[JournalHeader + i] = (byte)source[i];
            }
            uint check = Fnv1a(entry, JournalHeader + length);
            for (int i = 0; i < JournalCheck; i++)
            {
                entry[JournalHeader + length + i] = (byte)(check >> (24 - 8 * i));
            }
            return entry;
        }

        /// <summary>False when the entry is incomplete or damaged; else its rename source (null for a write).</summary>
        private bool ReadJournal(string path, out string source)
        {
            source = null;
            byte[] entry = _files.ReadAllBytes(path);
            if (entry.Length < JournalHeader + JournalCheck || entry[0] != 'W' || entry[1] != 'B' || entry[2] != 'X' || entry[3] != 'J'
                || entry[4] != 1 || entry.Length != JournalHeader + entry[5] + JournalCheck)
            {
                return false;
            }
            int length = entry[5];
            uint check = Fnv1a(entry, JournalHeader + length);
            for (int i = 0; i < JournalCheck; i++)
            {
                if (entry[JournalHeader + length + i] != (byte)(check >> (24 - 8 * i)))
                {
                    return false;
                }
            }
            if (length == 0)
            {
                return true;
            }
            char[] name = new char[length];
            for (int i = 0; i < length; i++)
            {
                name[i] = (char)entry[JournalHeader + i];
            }
            source = new string(name);
            return ValidateName(source) == null;
        }

        private static uint Fnv1a(byte[] data, int count)
        {
            uint hash = 2166136261;
            for (int i = 0; i < count; i++)
            {
                hash = (hash ^ data[i]) * 16777619u;
            }
            return hash;
        }

        private void WriteFile(string path, byte[] data, int offset, int count)
        {
            using (Stream stream = _files.Create(path))
            {
                stream.Write(data, offset, count);
                stream.Flush();
            }
        }

        private void CopyFile(string from, string to)
        {
            using (Stream source = _files.OpenRead(from))
            using (Stream target = _files.Create(to))
            {
                int n;
                while ((n = source.Read(_chunk, 0, _chunk.Length)) > 0)
                {
                    target.Write(_chunk, 0, n);
                }
                target.Flush();
            }
        }

        /// <summary>True when the file reads back as exactly the <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        private bool Holds(string path, byte[] data, int offset, int count)
        {
            using (Stream stream = _files.OpenRead(path))
            {
                return ReadsAs(stream, data, offset, count) && AtEnd(stream);
            }
        }

        private bool SameContent(string a, string b)
        {
            using (Stream first = _files.OpenRead(a))
            using (Stream second = _files.OpenRead(b))
            {
                int n;
                while ((n = first.Read(_chunk, 0, _chunk.Length)) > 0)
                {
                    if (!ReadsAs(second, _chunk, 0, n))
                    {
                        return false;
                    }
                }
                return AtEnd(second);
            }
        }

        /// <summary>Reads <paramref name="count"/> bytes (a read may return fewer than asked) and compares them.</summary>
        private bool ReadsAs(Stream stream, byte[] expected, int offset, int count)
        {
            while (count > 0)
            {
                int n = stream.Read(_probe, 0, count < _probe.Length ? count : _probe.Length);
                if (n <= 0)
                {
                    return false;
                }
                for (int i = 0; i < n; i++)
                {
                    if (_probe[i] != expected[offset + i])
                    {
                        return false;
                    }
                }
                offset += n;
                count -= n;
            }
            return true;
        }

        private bool AtEnd(Stream stream)
        {
            return stream.Read(_probe, 0, 1) <= 0;
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
