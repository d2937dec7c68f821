// Mirrors nanoFramework.Runtime.Events 1.11.37 (nanoFramework.Runtime.Events), reference only.
// Public names and signatures only, for the WasmBox.Nano compatibility gate; never shipped or run.
// Checked against nanoframework/nanoFramework.Runtime.Events tag v1.11.37.

namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
    }
}
