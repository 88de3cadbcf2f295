using System.Diagnostics;
using System.Text;

namespace Baoku.Tests.Support;

/// <summary>
/// The real program as a child process in a folder of the test's own: the working folder decides the defaults, a
/// wrong output folder must harm only the test's folder (never the test run's), and a kill must hit a real process.
/// </summary>
public static class BaokuProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "baoku.dll");

    public static ProcessStartInfo StartInfo(string workingFolder, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in (string[])[Dll, .. args]) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Runs to the end; a run longer than <paramref name="patience"/> (default 5 minutes) is killed and fails.</summary>
    public static async Task<(int Exit, string Out, string Err)> RunAsync(string workingFolder, string[] args, TimeSpan? patience = null)
    {
        using var p = Process.Start(StartInfo(workingFolder, args))!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        try
        {
            await p.WaitForExitAsync().WaitAsync(patience ?? TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            throw new TimeoutException($"baoku {string.Join(' ', args)} did not finish\nstdout:\n{await output}\nstderr:\n{await errors}");
        }
        return (p.ExitCode, await output, await errors);
    }
}
