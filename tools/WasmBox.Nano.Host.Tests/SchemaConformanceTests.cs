using System.Diagnostics;
using System.Text.Json.Nodes;
using WasmBox.Nano.Host.Tests.Support;

namespace WasmBox.Nano.Host.Tests;

/// <summary>
/// Checks hw-profiles/schema.json against the profiles with a real JSON Schema 2020-12
/// validator. No .NET validator restores from the package mirror here (JsonSchema.Net and
/// NJsonSchema miss dependencies), so this uses Python's jsonschema package and skips when
/// python3 or the package is absent.
/// </summary>
public class SchemaConformanceTests
{
    // Reads {"schema": ..., "documents": {name: json}} on stdin; prints one line per document: name, then error count.
    private const string ValidatorScript = """
        import json, sys
        from jsonschema import Draft202012Validator
        request = json.load(sys.stdin)
        Draft202012Validator.check_schema(request["schema"])
        validator = Draft202012Validator(request["schema"])
        for name, doc in request["documents"].items():
            print(name, len(list(validator.iter_errors(doc))))
        """;

    [SkippableFact]
    public void EveryShippedProfileConformsToTheSchema()
    {
        var documents = RepoPaths.ProfileFiles().ToDictionary(f => Path.GetFileName(f), f => JsonNode.Parse(File.ReadAllText(f)));

        var errorCounts = Validate(documents);

        Assert.Equal(documents.Count, errorCounts.Count);
        Assert.All(errorCounts, pair => Assert.True(pair.Value == 0, pair.Key + " has " + pair.Value + " schema errors"));
    }

    [SkippableFact]
    public void TheSchemaRejectsWhatTheLoaderRejectsForShape()
    {
        JsonObject unknownField = ProfileJson.Read("esp32-devkitc");
        unknownField["colour"] = "red";
        JsonObject badSignal = ProfileJson.Read("esp32-devkitc");
        badSignal["sensors"]![0]!["signal"]!["kind"] = "noise";
        JsonObject badCapability = ProfileJson.Read("esp32-devkitc");
        badCapability["pins"]![0]!["capabilities"]!.AsArray().Add("dac");
        JsonObject storageWithoutDrive = ProfileJson.Read("esp32-devkitc");
        storageWithoutDrive["storage"]!.AsObject().Remove("drive");

        var errorCounts = Validate(new Dictionary<string, JsonNode?>
        {
            ["unknownField"] = unknownField,
            ["badSignal"] = badSignal,
            ["badCapability"] = badCapability,
            ["storageWithoutDrive"] = storageWithoutDrive,
        });

        Assert.All(errorCounts, pair => Assert.True(pair.Value > 0, pair.Key + " passed the schema"));
    }

    private static Dictionary<string, int> Validate(Dictionary<string, JsonNode?> documents)
    {
        var request = new JsonObject
        {
            ["schema"] = JsonNode.Parse(File.ReadAllText(RepoPaths.SchemaFile)),
            ["documents"] = new JsonObject(documents.Select(d => KeyValuePair.Create(d.Key, d.Value?.DeepClone()))),
        };
        var (exitCode, output, error) = RunPython(["-c", ValidatorScript], request.ToJsonString());
        Skip.If(exitCode == 127, "python3 is not installed; schema conformance not checked");
        Skip.If(error.Contains("No module named 'jsonschema'"), "Python package jsonschema is not installed; schema conformance not checked");
        Assert.True(exitCode == 0, "validator failed: " + error);

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1]));
    }

    private static (int ExitCode, string Output, string Error) RunPython(string[] arguments, string input)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, "", "python3 not found");
        }

        using (process)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the schema validator did not finish");
            }

            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
