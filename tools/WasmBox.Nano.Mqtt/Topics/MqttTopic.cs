namespace WasmBox.Nano.Mqtt.Topics;

/// <summary>Topic names and topic filters of MQTT 3.1.1 section 4.7.</summary>
public static class MqttTopic
{
    /// <summary>Why <paramref name="topic"/> cannot be published to, or null when it can.</summary>
    public static string? ProblemWithName(string topic)
    {
        if (topic.Length == 0)
            return "a topic name cannot be empty";
        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
            return $"topic name '{topic}' contains a wildcard";
        return null;
    }

    /// <summary>Why <paramref name="filter"/> cannot be subscribed to, or null when it can.</summary>
    public static string? ProblemWithFilter(string filter)
    {
        if (filter.Length == 0)
            return "a topic filter cannot be empty";
        string[] levels = filter.Split('/');
        for (int i = 0; i < levels.Length; i++)
        {
            string level = levels[i];
            if (level.Contains('#') && (level != "#" || i != levels.Length - 1))
                return $"topic filter '{filter}': '#' must be a whole level and the last one";
            if (level.Contains('+') && level != "+")
                return $"topic filter '{filter}': '+' must be a whole level";
        }
        return null;
    }

    /// <summary>
    /// Whether a valid <paramref name="filter"/> matches the topic name <paramref name="topic"/>.
    /// Topics starting with '$' are not matched by a wildcard in the first level.
    /// </summary>
    public static bool Matches(string filter, string topic)
    {
        if (topic.StartsWith('$') && (filter.StartsWith('+') || filter.StartsWith('#')))
            return false;
        string[] filterLevels = filter.Split('/');
        string[] topicLevels = topic.Split('/');
        for (int i = 0; i < filterLevels.Length; i++)
        {
            string level = filterLevels[i];
            // '#' also matches the parent level: "a/#" matches "a".
            if (level == "#")
                return true;
            if (i >= topicLevels.Length)
                return false;
            if (level != "+" && level != topicLevels[i])
                return false;
        }
        return filterLevels.Length == topicLevels.Length;
    }
}
