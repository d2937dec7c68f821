namespace WasmBox.Nano.Sim.Demo;

/// <summary>The checksum tools/samples/fletcher32.c computes (little-endian 16-bit words, odd byte ignored), to check its results.</summary>
public static class Fletcher32
{
    private const int WordsPerFold = 359;

    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        uint sum1 = 0xffff, sum2 = 0xffff;
        int words = bytes.Length / 2;
        int at = 0;
        while (words > 0)
        {
            int block = Math.Min(words, WordsPerFold);
            words -= block;
            for (; block > 0; block--, at += 2)
            {
                sum1 += (uint)(bytes[at] | (bytes[at + 1] << 8));
                sum2 += sum1;
            }
            sum1 = (sum1 & 0xffff) + (sum1 >> 16);
            sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        }
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
        return (sum2 << 16) | sum1;
    }
}
