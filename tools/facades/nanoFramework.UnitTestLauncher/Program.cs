// Mirrors nanoFramework.TestFramework 3.0.80 (nanoFramework.UnitTestLauncher), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/nanoFramework.TestFramework at d4fa55e, source/UnitTestLauncher/Program.cs.

namespace nanoFramework.TestFramework
{
    public class UnitTestLauncher
    {
        public UnitTestLauncher() { throw null; }

        public static void Main() { throw null; }
    }
}
