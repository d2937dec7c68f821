namespace WasmBox.Nano.Gate;

/// <summary>
/// The device build compiles only the files a .nfproj lists, so a .cs file left out of the list would be
/// silently missing on the board while the host build (which globs) still has it.
/// </summary>
internal static class SourceListCheck
{
    public static IEnumerable<GateDiagnostic> Check(NfProject project, string displayRoot)
    {
        var listed = new HashSet<string>(project.CompileItems, StringComparer.Ordinal);
        foreach (var file in project.CompileItems.Where(f => !File.Exists(f)))
            yield return GateDiagnostic.ForFile(DisplayPath.Relative(displayRoot, project.FilePath), "NF0002",
                $"listed file {DisplayPath.Relative(displayRoot, file)} does not exist");
        foreach (var file in SourcesOnDisk(project.Directory).Where(f => !listed.Contains(f)))
            yield return GateDiagnostic.ForFile(DisplayPath.Relative(displayRoot, file), "NF0003",
                $"not listed in {Path.GetFileName(project.FilePath)}: the device build would miss it (add <Compile Include> or move it)");
    }

    /// <summary>.cs files under the project folder, skipping build output and nested projects' folders.</summary>
    static IEnumerable<string> SourcesOnDisk(string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "*.cs").Order(StringComparer.Ordinal))
            yield return Path.GetFullPath(file);
        foreach (var sub in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(sub);
            if (name is "bin" or "obj" || Directory.GetFiles(sub, "*.nfproj").Length > 0) continue;
            foreach (var file in SourcesOnDisk(sub)) yield return file;
        }
    }
}
