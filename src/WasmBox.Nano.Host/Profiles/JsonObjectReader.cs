using System.Text.Json;

namespace WasmBox.Nano.Host.Profiles;

/// <summary>
/// Reads the members of one JSON object while remembering its path, so every complaint names
/// the exact field. Missing, mistyped and out-of-range members are recorded in the shared error
/// list and read as null; <see cref="RejectUnknownMembers"/> then flags whatever was not asked for.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonObjectReader(JsonElement element, string path, List<ProfileError> errors)
    {
        _element = element;
        Path = path;
        Errors = errors;
    }

    public string Path { get; }

    /// <summary>The error list shared by this reader and the readers of its members.</summary>
    public List<ProfileError> Errors { get; }

    /// <summary>A reader for <paramref name="element"/>, or null (with an error) when it is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, List<ProfileError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ProfileError(path, "must be an object, not " + Describe(element)));
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty member in element.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                errors.Add(new ProfileError(MemberPath(path, member.Name), "appears more than once"));
            }
        }

        return new JsonObjectReader(element, path, errors);
    }

    public string PathOf(string name) => MemberPath(Path, name);

    public void Error(string name, string reason) => Errors.Add(new ProfileError(PathOf(name), reason));

    /// <summary>Marks a member as allowed without reading it (e.g. "$schema").</summary>
    public void Allow(string name) => _known.Add(name);

    public string? String(string name, bool required = true)
    {
        JsonElement? value = Member(name, required);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            WrongType(name, "a string", value.Value);
            return null;
        }

        return value.Value.GetString();
    }

    /// <summary>A string that must be one of <paramref name="allowed"/>.</summary>
    public string? Choice(string name, IReadOnlyCollection<string> allowed, bool required = true)
    {
        string? text = String(name, required);
        if (text is not null && !allowed.Contains(text))
        {
            Error(name, "unknown value \"" + text + "\"; expected one of: " + string.Join(", ", allowed));
            return null;
        }

        return text;
    }

    public long? Integer(string name, long min, long max, bool required = true)
    {
        JsonElement? value = Member(name, required);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Number || !value.Value.TryGetInt64(out long number))
        {
            WrongType(name, "an integer", value.Value);
            return null;
        }

        if (number < min || number > max)
        {
            Error(name, "is " + number + ", outside [" + min + ", " + max + "]");
            return null;
        }

        return number;
    }

    public int? Int32(string name, int min = int.MinValue, int max = int.MaxValue, bool required = true) =>
        (int?)Integer(name, min, max, required);

    public bool? Boolean(string name, bool required = true)
    {
        JsonElement? value = Member(name, required);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            WrongType(name, "true or false", value.Value);
            return null;
        }

        return value.Value.GetBoolean();
    }

    public JsonObjectReader? Object(string name, bool required = true)
    {
        JsonElement? value = Member(name, required);
        return value is null ? null : Open(value.Value, PathOf(name), Errors);
    }

    /// <summary>The array's items with their paths, or null (with an error) when absent or not an array.</summary>
    public IReadOnlyList<(JsonElement Item, string Path)>? Array(string name, bool required = true)
    {
        JsonElement? value = Member(name, required);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            Error(name, "must be an array, not " + Describe(value.Value));
            return null;
        }

        string path = PathOf(name);
        return value.Value.EnumerateArray().Select((item, i) => (item, path + "[" + i + "]")).ToList();
    }

    public void RejectUnknownMembers()
    {
        foreach (JsonProperty member in _element.EnumerateObject())
        {
            if (!_known.Contains(member.Name))
            {
                Errors.Add(new ProfileError(PathOf(member.Name), "unknown field"));
            }
        }
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + element.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };

    private JsonElement? Member(string name, bool required)
    {
        _known.Add(name);
        if (_element.TryGetProperty(name, out JsonElement value))
        {
            return value;
        }

        if (required)
        {
            Error(name, "is required");
        }

        return null;
    }

    private void WrongType(string name, string expected, JsonElement actual) =>
        Error(name, "must be " + expected + ", not " + Describe(actual));

    private static string MemberPath(string path, string name) =>
        IsPlainName(name) ? path + "." + name : path + "['" + name.Replace("'", "\\'") + "']";

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$');
}
