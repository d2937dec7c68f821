using System.Reflection;
using System.Text.Json;

namespace WasmBox.Nano.Host.Profiles;

/// <summary>
/// Loads hardware profiles: the ones shipped in hw-profiles/ (embedded in this assembly, by id)
/// or any file by path. Every outcome is a <see cref="ProfileLoadResult"/>; nothing throws.
/// </summary>
public static class HardwareProfiles
{
    private const string ResourcePrefix = "hw-profiles/";

    private static readonly JsonDocumentOptions StrictJson = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Ids of the profiles shipped with the project, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(HardwareProfiles).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>A shipped profile by id (e.g. "esp32-devkitc"), or a profile file when given a path.</summary>
    public static ProfileLoadResult Load(string nameOrPath)
    {
        if (nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(nameOrPath))
        {
            return LoadFile(nameOrPath);
        }

        using Stream? stream = typeof(HardwareProfiles).Assembly.GetManifestResourceStream(ResourcePrefix + nameOrPath + ".json");
        if (stream is null)
        {
            return ProfileLoadResult.Failure("$", "no profile named \"" + nameOrPath + "\"; shipped profiles: " + string.Join(", ", Names));
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), nameOrPath);
    }

    /// <summary>Loads a file; its name without ".json" must equal the profile's id.</summary>
    public static ProfileLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ProfileLoadResult.Failure("$", "cannot read " + path + ": " + e.Message);
        }

        return Parse(text, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Parses and validates profile JSON; <paramref name="expectedId"/>, when given, must match its id.</summary>
    public static ProfileLoadResult Parse(string json, string? expectedId = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, StrictJson);
        }
        catch (JsonException e)
        {
            return ProfileLoadResult.Failure("$", "not valid JSON (line " + (e.LineNumber + 1) + ", byte " + (e.BytePositionInLine + 1) + ")");
        }

        using (document)
        {
            var errors = new List<ProfileError>();
            HardwareProfile? profile = HardwareProfileParser.Parse(document.RootElement, errors);
            if (profile is null)
            {
                return ProfileLoadResult.Failure(errors);
            }

            errors.AddRange(HardwareProfileValidator.Validate(profile));
            if (expectedId is not null && profile.Id != expectedId)
            {
                errors.Add(new ProfileError("$.id", "is \"" + profile.Id + "\", but the file is named \"" + expectedId + ".json\""));
            }

            return errors.Count == 0 ? ProfileLoadResult.Success(profile) : ProfileLoadResult.Failure(errors);
        }
    }
}
