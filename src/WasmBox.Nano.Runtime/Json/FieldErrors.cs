using System.Collections;

namespace WasmBox.Nano.Runtime.Json
{
    /// <summary>One problem in a document: where it is and what is wrong, ending with the fix.</summary>
    public sealed class FieldError
    {
        public FieldError(string path, string reason)
        {
            Path = path;
            Reason = reason;
        }

        /// <summary>Where the field is, e.g. "tenants[1].limits.ramBytes"; "$" for the whole text.</summary>
        public string Path { get; private set; }

        public string Reason { get; private set; }

        public override string ToString()
        {
            return Path + ": " + Reason;
        }
    }

    /// <summary>
    /// Every problem a strict reader found in one pass, in document order, so an author fixes them
    /// all at once instead of one per run. Capped so a hostile document cannot grow it without bound.
    /// </summary>
    public sealed class FieldErrors
    {
        public const int MaxErrors = 100;

        private readonly ArrayList _errors = new ArrayList();

        public int Count { get { return _errors.Count; } }

        public FieldError At(int index)
        {
            return (FieldError)_errors[index];
        }

        public void Add(string path, string reason)
        {
            if (_errors.Count < MaxErrors)
            {
                _errors.Add(new FieldError(path, reason));
            }
        }

        public void Add(JsonFieldException e)
        {
            Add(e.Path, e.Reason);
        }
    }
}
