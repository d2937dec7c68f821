using WasmBox.Nano.Cbor.Tests.Support;
using WasmBox.Nano.TestSupport;
using Xunit.Abstractions;
using Reference = System.Formats.Cbor;

namespace WasmBox.Nano.Cbor.Tests;

/// <summary>
/// Bounded differential fuzzer: mutated encodings of random trees and random byte strings go to
/// our strict decoder; every input it accepts as one whole item must decode to the same value with
/// .NET's System.Formats.Cbor (lax mode, so the reference's own strictness never hides a value).
/// A fixed seed: every run checks the same cases. Figures go to the test output and the README.
/// </summary>
public class DifferentialFuzzTests(ITestOutputHelper output)
{
    public const int Cases = 40_000;

    [Fact]
    public void Every_input_the_strict_decoder_accepts_decodes_to_the_same_value_in_System_Formats_Cbor()
    {
        var random = new Random(0x11CB0);
        int accepted = 0;
        var findings = new List<string>();
        for (int i = 0; i < Cases; i++)
        {
            byte[] input = i % 4 == 0 ? RandomBytes(random) : ByteMutator.Mutate(random, Encode(CborValue.Random(random, 3)), 3);
            var reader = CborHex.Reader(input, 1 << 16);
            CborValue? ours = input.Length == 0 ? null : CborValue.ReadFrom(reader);
            if (ours is null || !reader.AtEnd)
            {
                continue;
            }
            accepted++;
            string? theirs = ReferenceText(input);
            if (theirs != ours.ToString())
            {
                findings.Add(CborHex.Hex(input) + ": ours " + ours + ", reference " + (theirs ?? "refused"));
            }
        }
        output.WriteLine($"CBOR differential: {Cases} cases, {accepted} accepted by the strict decoder, {findings.Count} findings");
        Assert.True(accepted > Cases / 10, "too few accepted inputs to mean anything: " + accepted);
        Assert.Empty(findings);
    }

    private static byte[] Encode(CborValue value)
    {
        var w = new CborWriter();
        value.WriteTo(w);
        return w.ToArray();
    }

    private static byte[] RandomBytes(Random random)
    {
        byte[] bytes = new byte[random.Next(1, 24)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The reference's reading in <see cref="CborValue"/>'s text form, or null when it refuses or leaves bytes over.</summary>
    private static string? ReferenceText(byte[] input)
    {
        try
        {
            var reader = new Reference.CborReader(input, Reference.CborConformanceMode.Lax);
            CborValue value = Read(reader);
            return reader.BytesRemaining == 0 ? value.ToString() : null;
        }
        catch (Exception e) when (e is Reference.CborContentException or InvalidOperationException or OverflowException)
        {
            return null;
        }
    }

    private static CborValue Read(Reference.CborReader r)
    {
        switch (r.PeekState())
        {
            case Reference.CborReaderState.UnsignedInteger:
                return new CborValue.UInt(r.ReadUInt64());
            case Reference.CborReaderState.NegativeInteger:
                return new CborValue.NegInt(r.ReadInt64());
            case Reference.CborReaderState.ByteString:
                return new CborValue.Bytes(r.ReadByteString());
            case Reference.CborReaderState.TextString:
                return new CborValue.Text(r.ReadTextString());
            case Reference.CborReaderState.StartArray:
                int? count = r.ReadStartArray();
                var items = Enumerable.Range(0, count ?? throw new InvalidOperationException("indefinite array")).Select(_ => Read(r)).ToArray();
                r.ReadEndArray();
                return new CborValue.Array(items);
            case Reference.CborReaderState.StartMap:
                int? pairs = r.ReadStartMap();
                var entries = Enumerable.Range(0, 2 * (pairs ?? throw new InvalidOperationException("indefinite map"))).Select(_ => Read(r)).ToArray();
                r.ReadEndMap();
                return new CborValue.Map(entries);
            case Reference.CborReaderState.Tag:
                ulong tag = (ulong)r.ReadTag();
                return new CborValue.Tag(tag, Read(r));
            case Reference.CborReaderState.Boolean:
                return new CborValue.Bool(r.ReadBoolean());
            case Reference.CborReaderState.Null:
                r.ReadNull();
                return new CborValue.Null();
            default:
                throw new InvalidOperationException("not in our data model: " + r.PeekState());
        }
    }
}
