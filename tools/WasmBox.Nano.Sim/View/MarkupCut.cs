using System.Text;

namespace WasmBox.Nano.Sim.View;

/// <summary>
/// Cuts a Spectre markup line to a visible length, ending it with "…" and closing the styles left
/// open, so a line of the live view never wraps (a wrapped line would push the layout past 30 lines).
/// </summary>
internal static class MarkupCut
{
    public static string ToWidth(string markup, int width)
    {
        var cut = new StringBuilder();
        int visible = 0;
        int open = 0;
        for (int i = 0; i < markup.Length; i++)
        {
            char c = markup[i];
            bool escaped = (c == '[' || c == ']') && i + 1 < markup.Length && markup[i + 1] == c;
            if (c == '[' && !escaped)
            {
                int end = markup.IndexOf(']', i);
                string tag = markup[i..(end + 1)];
                open += tag == "[/]" ? -1 : 1;
                cut.Append(tag);
                i = end;
                continue;
            }
            if (visible == width - 1 && VisibleLength(markup, i) > 1)
            {
                cut.Append('…');
                for (; open > 0; open--)
                    cut.Append("[/]");
                return cut.ToString();
            }
            cut.Append(escaped ? markup.Substring(i++, 2) : c.ToString());
            visible++;
        }
        return cut.ToString();
    }

    /// <summary>Visible characters from <paramref name="start"/> to the end.</summary>
    private static int VisibleLength(string markup, int start)
    {
        int count = 0;
        for (int i = start; i < markup.Length; i++)
        {
            if (markup[i] == '[' && i + 1 < markup.Length && markup[i + 1] != '[')
                i = markup.IndexOf(']', i);
            else
            {
                if ((markup[i] == '[' || markup[i] == ']') && i + 1 < markup.Length && markup[i + 1] == markup[i])
                    i++;
                count++;
            }
        }
        return count;
    }
}
