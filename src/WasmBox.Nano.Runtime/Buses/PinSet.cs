namespace WasmBox.Nano.Runtime.Buses
{
    /// <summary>Membership in small int arrays (pins, channels, ports), without allocating.</summary>
    public static class PinSet
    {
        public static bool Contains(int[] set, int value)
        {
            for (int i = 0; i < set.Length; i++)
            {
                if (set[i] == value)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
