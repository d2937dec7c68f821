// Proof that the compatibility gate bites: nanoFramework 1.17 has no System.Collections.Generic,
// so CI runs `WasmBox.Nano.Gate --check-file` on this file and expects it to FAIL.
using System.Collections.Generic;

namespace WasmBox.Nano.Gate.Proof
{
    public static class UsesGenericList
    {
        public static int Count()
        {
            var items = new List<int>();
            items.Add(1);
            return items.Count;
        }
    }
}
