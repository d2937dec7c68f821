namespace WasmBox.Nano.Gate;

/// <summary>
/// The projects to check plus everything they reference, ordered so that each project comes after the
/// projects it references. A project that cannot be loaded, sits on a reference cycle or references such
/// a project gets a problem message instead of a compilation.
/// </summary>
internal sealed class ProjectGraph
{
    public Dictionary<string, NfProject> Projects { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);
    public List<string> Order { get; } = [];

    readonly DeviceConfiguration configuration;

    ProjectGraph(DeviceConfiguration configuration) => this.configuration = configuration;

    public static ProjectGraph Load(IEnumerable<string> projectFiles, DeviceConfiguration configuration = DeviceConfiguration.Debug)
    {
        var graph = new ProjectGraph(configuration);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        foreach (var file in projectFiles) graph.Visit(Path.GetFullPath(file), state);
        return graph;
    }

    void Visit(string path, Dictionary<string, bool> state)
    {
        if (state.TryGetValue(path, out var done))
        {
            if (!done) Problems[path] = "ProjectReference cycle through this project";
            return;
        }
        state[path] = false;
        if (!File.Exists(path)) Problems[path] = "project file does not exist";
        else
        {
            try
            {
                var project = NfProjectReader.Load(path, configuration);
                Projects[path] = project;
                foreach (var reference in project.ProjectReferences)
                {
                    Visit(reference, state);
                    if (Problems.ContainsKey(reference) && !Problems.ContainsKey(path))
                        Problems[path] = $"ProjectReference {Path.GetFileName(reference)} cannot be checked: {Problems[reference]}";
                }
            }
            catch (NfProjectException e)
            {
                Problems[path] = e.Message;
            }
        }
        state[path] = true;
        Order.Add(path);
    }
}
