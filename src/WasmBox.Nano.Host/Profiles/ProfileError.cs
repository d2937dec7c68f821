namespace WasmBox.Nano.Host.Profiles;

/// <summary>One reason a profile was refused, at a JSON path such as <c>$.pins[3].number</c>.</summary>
public sealed record ProfileError(string Path, string Reason)
{
    public override string ToString() => Path + ": " + Reason;
}

/// <summary>A loaded and validated profile, or the errors that refused it; never both.</summary>
public sealed class ProfileLoadResult
{
    private ProfileLoadResult(HardwareProfile? profile, IReadOnlyList<ProfileError> errors)
    {
        Profile = profile;
        Errors = errors;
    }

    public HardwareProfile? Profile { get; }

    public IReadOnlyList<ProfileError> Errors { get; }

    public bool Ok => Profile is not null;

    public static ProfileLoadResult Success(HardwareProfile profile) => new(profile, []);

    public static ProfileLoadResult Failure(IReadOnlyList<ProfileError> errors) => new(null, errors);

    public static ProfileLoadResult Failure(string path, string reason) => new(null, [new ProfileError(path, reason)]);
}
