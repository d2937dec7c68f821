namespace WasmBox.Nano.Runtime.Policy
{
    /// <summary>MQTT topic filter matching ('+' one level, '#' the rest), allocation-free.</summary>
    public static class TopicFilter
    {
        /// <summary>True when the concrete <paramref name="topic"/> matches <paramref name="filter"/>.</summary>
        public static bool Matches(string filter, string topic)
        {
            return Matches(filter, topic, 0);
        }

        /// <summary>True when the part of <paramref name="topic"/> from <paramref name="start"/> on matches <paramref name="filter"/>.</summary>
        public static bool Matches(string filter, string topic, int start)
        {
            int f = 0;
            int t = start;
            while (f < filter.Length)
            {
                char c = filter[f];
                if (c == '#')
                {
                    return true;
                }
                if (c == '+')
                {
                    while (t < topic.Length && topic[t] != '/')
                    {
                        t++;
                    }
                    f++;
                    continue;
                }
                if (t >= topic.Length || topic[t] != c)
                {
                    // "a/#" also matches "a" itself.
                    return t == topic.Length && c == '/' && f + 2 == filter.Length && filter[f + 1] == '#';
                }
                f++;
                t++;
            }
            return t == topic.Length;
        }

        /// <summary>
        /// True when every topic <paramref name="inner"/> can match is also matched by
        /// <paramref name="outer"/>: a subscription stays inside the tenant's grant.
        /// </summary>
        public static bool Covers(string outer, string inner)
        {
            int o = 0;
            int i = 0;
            while (o < outer.Length)
            {
                char c = outer[o];
                if (c == '#')
                {
                    return true;
                }
                if (c == '+')
                {
                    // '+' covers one whole level of the inner filter, including an inner '+'.
                    while (i < inner.Length && inner[i] != '/')
                    {
                        if (inner[i] == '#')
                        {
                            return false;
                        }
                        i++;
                    }
                    o++;
                    continue;
                }
                if (i >= inner.Length || inner[i] != c)
                {
                    return false;
                }
                o++;
                i++;
            }
            return i == inner.Length;
        }

        /// <summary>Null when the filter is well formed, else the reason.</summary>
        public static string Validate(string filter, bool allowWildcards)
        {
            if (filter == null || filter.Length == 0)
            {
                return "topic is empty";
            }
            for (int k = 0; k < filter.Length; k++)
            {
                char c = filter[k];
                if (c == '+' || c == '#')
                {
                    if (!allowWildcards)
                    {
                        return "wildcards are not allowed here";
                    }
                    bool levelStart = k == 0 || filter[k - 1] == '/';
                    bool levelEnd = k == filter.Length - 1 || filter[k + 1] == '/';
                    if (!levelStart || !levelEnd)
                    {
                        return "'" + c + "' must fill a whole level";
                    }
                    if (c == '#' && k != filter.Length - 1)
                    {
                        return "'#' must be last";
                    }
                }
                else if (c < ' ')
                {
                    return "control character in topic";
                }
            }
            return null;
        }
    }
}
