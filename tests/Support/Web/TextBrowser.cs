namespace Baoku.Tests.Support.Web;

/// <summary>
/// What a text-mode browser shows: <c>w3m -dump -cols 100 -O UTF-8 TARGET</c>, for a local file or a URL. Useful to see
/// a page as a screen reader or a reader without CSS and JavaScript gets it, in reading order.
/// </summary>
public static class TextBrowser
{
    public static async Task<string> DumpAsync(string fileOrUrl, int columns = 100)
    {
        var w3m = ToolProcess.FindOnPath("w3m") ?? throw MissingToolException.For("w3m", "w3m on PATH", "Debian package w3m");
        var output = await ToolProcess.RunAsync(w3m, ["-dump", "-cols", columns.ToString(), "-O", "UTF-8", fileOrUrl], TimeSpan.FromMinutes(1));
        if (output.ExitCode != 0)
            throw new InvalidOperationException($"w3m failed on {fileOrUrl} (exit {output.ExitCode}): {output.StandardError}");
        return output.StandardOutput;
    }

    public static Task<string> DumpAsync(Uri url, int columns = 100) => DumpAsync(url.AbsoluteUri, columns);
}
