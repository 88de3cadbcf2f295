using System.Text.Json;

namespace Baoku.Tests.Support.Web;

/// <summary>
/// One message of the Nu HTML Checker. <see cref="File"/> is relative to the checked folder ('/' separators);
/// <see cref="Type"/> is the checker's: "error", "info" (with <see cref="SubType"/> "warning" for warnings) or
/// "non-document-error" (it could not read or parse the file at all).
/// </summary>
public sealed record HtmlMessage(string File, int Line, int Column, string Type, string? SubType, string Message, string? Extract)
{
    public bool IsError => Type is "error" or "non-document-error";
    public bool IsWarning => Type == "info" && SubType == "warning";
    public override string ToString() => $"{File}:{Line}:{Column}: {(IsError ? "error" : IsWarning ? "warning" : Type)}: {Message}";
}

/// <summary>What the checker said about a folder, less the messages an allow-list removed (kept in <see cref="Allowed"/>).</summary>
public sealed record HtmlCheckReport(IReadOnlyList<HtmlMessage> Messages, IReadOnlyList<HtmlMessage> Allowed)
{
    public IReadOnlyList<HtmlMessage> Errors => Messages.Where(m => m.IsError).ToList();
    public IReadOnlyList<HtmlMessage> Warnings => Messages.Where(m => m.IsWarning).ToList();

    /// <summary>
    /// The same report with the messages containing any of <paramref name="allow"/> (ordinal substrings) moved to
    /// <see cref="Allowed"/>: for a message a test has decided to accept, with the reason in a comment at the call.
    /// </summary>
    public HtmlCheckReport Allowing(params string[] allow)
    {
        var allowed = Messages.Where(m => allow.Any(a => m.Message.Contains(a, StringComparison.Ordinal))).ToList();
        return new HtmlCheckReport(Messages.Except(allowed).ToList(), Allowed.Concat(allowed).ToList());
    }

    /// <summary>All errors, one a line, for an assertion message.</summary>
    public string DescribeErrors() => string.Join("\n", Errors);
}

/// <summary>
/// Runs the Nu HTML Checker (vnu.jar from the npm package vnu-jar in tests/tools, on the machine's java) once over a
/// whole folder, every .html file in it and below:
/// <c>java -jar tests/tools/node_modules/vnu-jar/build/dist/vnu.jar --format json --skip-non-html --stdout FOLDER</c>.
/// </summary>
public static class HtmlChecker
{
    public static string JarPath => Path.Combine(RepoPaths.ToolsNodeModules, "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>
    /// Checks every HTML file under <paramref name="folder"/>. Nothing is ignored by default. <paramref name="allow"/>
    /// lists message substrings (ordinal, case-sensitive) that a caller has decided to accept; a message containing any
    /// of them moves to <see cref="HtmlCheckReport.Allowed"/> (see <see cref="HtmlCheckReport.Allowing"/>). Each use
    /// should say why in a comment at the call.
    /// </summary>
    public static async Task<HtmlCheckReport> CheckFolderAsync(string folder, params string[] allow)
    {
        var java = ToolProcess.FindOnPath("java") ?? throw MissingToolException.For("Java", "java on PATH", "Debian package default-jre-headless");
        if (!File.Exists(JarPath)) throw MissingToolException.For("The Nu HTML Checker", JarPath, "npm ci in tests/tools, package vnu-jar");
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException("folder to check not found: " + root);

        var output = await ToolProcess.RunAsync(java,
            ["-jar", JarPath, "--format", "json", "--skip-non-html", "--stdout", root],
            TimeSpan.FromMinutes(5));
        // Exit code 1 only says that some message is an error; the JSON tells which.
        if (output.ExitCode > 1 || !output.StandardOutput.TrimStart().StartsWith('{'))
            throw new InvalidOperationException($"the Nu HTML Checker failed (exit {output.ExitCode}):\n{output.StandardError}\n{output.StandardOutput}");

        return new HtmlCheckReport(Parse(output.StandardOutput, root), []).Allowing(allow);
    }

    private static List<HtmlMessage> Parse(string json, string root)
    {
        using var document = JsonDocument.Parse(json);
        var messages = new List<HtmlMessage>();
        foreach (var m in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            var line = Int(m, "firstLine") ?? Int(m, "lastLine") ?? 0;
            var column = Int(m, "firstColumn") ?? Int(m, "lastColumn") ?? 0;
            messages.Add(new HtmlMessage(
                RelativeFile(Str(m, "url"), root), line, column,
                Str(m, "type") ?? "", Str(m, "subType"), Str(m, "message") ?? "", Str(m, "extract")));
        }
        return messages;
    }

    private static string RelativeFile(string? url, string root)
    {
        if (url is null) return "";
        if (!url.StartsWith("file:", StringComparison.Ordinal)) return url;
        var path = "/" + Uri.UnescapeDataString(url["file:".Length..]).TrimStart('/');
        return Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
