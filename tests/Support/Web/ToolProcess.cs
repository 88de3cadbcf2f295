using System.Diagnostics;
using System.Text;

namespace Baoku.Tests.Support.Web;

/// <summary>What a finished command printed and returned.</summary>
public sealed record ToolOutput(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs an external command to completion with a time limit, reading its output as UTF-8.</summary>
public static class ToolProcess
{
    /// <summary>The full path of <paramref name="command"/> found on PATH, or null.</summary>
    public static string? FindOnPath(string command)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>A tool started with its output and errors read as UTF-8 by the test, in <paramref name="workingDirectory"/> (default: the current folder).</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    public static async Task<ToolOutput> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = StartInfo(fileName, arguments, workingDirectory);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s");
        }
        return new ToolOutput(process.ExitCode, await stdout, await stderr);
    }
}
