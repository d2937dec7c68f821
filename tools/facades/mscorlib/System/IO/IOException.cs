// Mirrors nanoFramework.CoreLibrary 1.17.11 (mscorlib), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.

namespace System.IO
{
    public class IOException : SystemException
    {
        public IOException() { throw null; }

        public IOException(string message) { throw null; }

        public IOException(string message, int hresult) { throw null; }

        public IOException(string message, Exception innerException) { throw null; }

        public IOException.IOExceptionErrorCode ErrorCode { get { throw null; } }

        public enum IOExceptionErrorCode
        {
            Others = -536870912,
            InvalidDriver = -520093696,
            FileNotFound = -503316480,
            DirectoryNotFound = -486539264,
            VolumeNotFound = -469762048,
            PathTooLong = -452984832,
            DirectoryNotEmpty = -436207616,
            UnauthorizedAccess = -419430400,
            PathAlreadyExists = -402653184,
            TooManyOpenHandles = -385875968,
        }
    }
}
