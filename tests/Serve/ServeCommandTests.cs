using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Baoku.Cli;
using Baoku.Tests.Support;

namespace Baoku.Tests.Serve;

/// <summary><c>baoku serve</c> on the command line: as a child process stopped by a signal, its options, a taken port.</summary>
[Collection("Console")]
public class ServeCommandTests
{
    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
    const int SIGINT = 2, SIGTERM = 15;

    [Theory]
    [InlineData(SIGTERM)]
    [InlineData(SIGINT)]
    public async Task RunsAsAProcessAndStopsCleanlyOnASignal(int signal)
    {
        using var site = new BuildSandbox();
        var dll = Path.Combine(AppContext.BaseDirectory, "baoku.dll");
        File.Exists(dll).ShouldBeTrue();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = site.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in new[] { dll, "serve", "--port", "0" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            var at = e.Data.IndexOf("http://127.0.0.1:", StringComparison.Ordinal);
            if (at >= 0) url.TrySetResult(new Uri(e.Data[at..].Trim()));
        };
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var served = await url.Task.WaitAsync(ServeSandbox.Patience);
            using var http = ServeSandbox.NewClient();
            var home = await http.GetStringAsync(served);
            home.ShouldContain("baoku-live-reload");
            Directory.Exists(Path.Combine(site.Root, ".baoku-preview")).ShouldBeTrue();   // the default preview folder
            Directory.Exists(site.Output).ShouldBeFalse();                                 // not public/

            kill(process.Id, signal).ShouldBe(0);
            // Stopping waits up to 30 s for a running rebuild; on a loaded machine give it twice that, and say what
            // the process printed when it did not stop.
            try { await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90)); }
            catch (TimeoutException) { throw new TimeoutException($"serve did not stop after signal {signal}\nstdout:\n{output}\nstderr:\n{errors}"); }
            process.WaitForExit();   // the output is read to the end
            process.ExitCode.ShouldBe(0, $"stdout:\n{output}\nstderr:\n{errors}");
            output.ToString().ShouldContain("预览已停止 (preview stopped)");
            await Should.ThrowAsync<HttpRequestException>(() => http.GetStringAsync(served));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void HelpExplainsEveryOption()
    {
        var (exit, output, _) = Run("serve", "--help");
        exit.ShouldBe(0);
        foreach (var option in new[] { "--content", "--site", "--templates", "--drafts", "--port", "--output" })
            output.ShouldContain(option);
    }

    [Fact]
    public void APortOutOfRangeIsAUsageError()
    {
        var (exit, _, err) = Run("serve", "--port", "70000");
        exit.ShouldBe(2);
        err.ShouldContain("--port");
    }

    [Fact]
    public void ATakenPortIsNamedWithoutAStackTrace()
    {
        using var site = new BuildSandbox();
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var (exit, _, err) = Run("serve", "--port", port.ToString(), "--content", site.Content, "--site", site.SiteYml,
                "--templates", site.Templates, "--output", Path.Combine(site.Root, "preview"));
            exit.ShouldBe(1);
            err.ShouldContain(port.ToString());
            err.ShouldContain("--port 0");
            err.ShouldNotContain("   at ");
            Directory.Exists(Path.Combine(site.Root, "preview")).ShouldBeFalse();
        }
        finally
        {
            taken.Stop();
        }
    }

    static (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Captured(args);
}
