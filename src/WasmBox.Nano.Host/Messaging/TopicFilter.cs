namespace WasmBox.Nano.Host.Messaging;

/// <summary>MQTT topic names and filters ('+' one level, '#' the rest, MQTT 3.1.1 section 4.7).</summary>
public static class TopicFilter
{
    public static bool IsValidTopic(string? topic) =>
        !string.IsNullOrEmpty(topic) && topic.IndexOfAny(['+', '#', '\0']) < 0;

    public static bool IsValidFilter(string? filter)
    {
        if (string.IsNullOrEmpty(filter) || filter.Contains('\0'))
        {
            return false;
        }

        string[] levels = filter.Split('/');
        for (int i = 0; i < levels.Length; i++)
        {
            string level = levels[i];
            bool wildcardOnly = level is "+" || (level is "#" && i == levels.Length - 1);
            if (!wildcardOnly && level.IndexOfAny(['+', '#']) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    public static bool Matches(string filter, string topic)
    {
        string[] f = filter.Split('/');
        string[] t = topic.Split('/');
        for (int i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                return true;
            }

            if (i >= t.Length || (f[i] != "+" && f[i] != t[i]))
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }
}
