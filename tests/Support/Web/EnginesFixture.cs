using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Baoku.Tests.Support.Web;

/// <summary>One check of tests/tools/engines/run.mjs in one engine: passed or not, how long it took, and what it saw.</summary>
public sealed record EngineCheckResult(string Engine, string Check, bool Ok, long Milliseconds, string Details);

/// <summary>
/// One run of the engines driver: its check results, the browsers it launched (one line each), how long it took, its
/// exit code and standard error, the processes of the run still alive after it (ended by the fixture, named here), and
/// the requests the site's server answered during the run.
/// </summary>
public sealed record EngineRun(
    string Engine, IReadOnlyList<EngineCheckResult> Checks, IReadOnlyList<string> Browsers, TimeSpan Elapsed,
    int? ExitCode, string StandardError, IReadOnlyList<string> LeftBehind, IReadOnlyList<ServedRequest> Requests)
{
    /// <summary>The result of one check; a check the driver never reported fails with the driver's own output.</summary>
    public EngineCheckResult Check(string name) =>
        Checks.FirstOrDefault(c => c.Check == name)
        ?? new EngineCheckResult(Engine, name, false, 0,
            $"the driver reported no result for {name} (exit {ExitCode?.ToString() ?? "none: killed"} after {Elapsed.TotalSeconds:0} s); its standard error:\n{StandardError}");
}

/// <summary>
/// Runs the core browser checks in Firefox ESR and WebKitGTK with the Node driver tests/tools/engines/run.mjs, once per
/// engine for the whole <see cref="RealSiteCollection"/> (on <see cref="RealSiteFixture"/>'s built site and server),
/// and keeps the results for the tests to read (<see cref="RunAsync"/>). Chromium, the third engine, is driven by
/// Playwright in the other tests of the collection.
/// <list type="bullet">
/// <item>Firefox: <c>node run.mjs --engine firefox …</c>; the driver starts /usr/bin/firefox-esr headless (puppeteer-core,
/// WebDriver BiDi).</item>
/// <item>WebKit: <c>xvfb-run -a -s "-screen 0 1280x1024x24" node run.mjs --engine webkit …</c>; the driver starts
/// /usr/bin/WebKitWebDriver, which starts MiniBrowser on the virtual display (selenium-webdriver).</item>
/// </list>
/// Every process of a run carries the environment variable <see cref="MarkerVariable"/> with a value of its own, which
/// the browsers and their helpers inherit. When the driver has ended (or was killed after <see cref="RunTimeout"/>),
/// the fixture waits for the marked processes to go, then ends those still there, by pid, and names them in
/// <see cref="EngineRun.LeftBehind"/>: no Firefox, MiniBrowser, WebKitWebDriver or Xvfb outlives a run, even one that fails.
/// </summary>
public sealed class EnginesFixture : IAsyncLifetime
{
    public const string Firefox = "firefox";
    public const string WebKit = "webkit";
    public static readonly string[] Engines = [Firefox, WebKit];

    /// <summary>The checks the driver runs in every engine, in its order (the names it reports).</summary>
    public static readonly string[] Checks = ["search-http", "search-file", "back-forward", "large-text", "no-js"];

    public const string FirefoxPath = "/usr/bin/firefox-esr";
    public const string WebKitDriverPath = "/usr/bin/WebKitWebDriver";
    public const string MiniBrowserPath = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
    public const string MarkerVariable = "BAOKU_ENGINE_RUN";

    /// <summary>The limit for one wait in a page (the driver's --timeout): generous, for a loaded 2-core machine.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(60);
    /// <summary>The limit for a whole run of one engine (normally 10 to 30 s); past it the run is killed.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(8);

    public static string DriverPath => Path.Combine(RepoPaths.Tools, "engines", "run.mjs");

    private readonly ConcurrentDictionary<string, Lazy<Task<EngineRun>>> runs = new();
    private readonly ConcurrentBag<string> markers = [];
    private string? temp;

    public Task InitializeAsync()
    {
        temp = Directory.CreateTempSubdirectory("baoku-engines-").FullName;
        return Task.CompletedTask;
    }

    /// <summary>
    /// The run of <paramref name="engine"/> over <paramref name="site"/>, started by the first caller and shared by the
    /// rest. <paramref name="expectations"/> makes the JSON the driver compares the pages with (called once per engine).
    /// Throws <see cref="MissingToolException"/> when the engine or the driver is not installed.
    /// </summary>
    public Task<EngineRun> RunAsync(RealSiteFixture site, string engine, Func<object> expectations) =>
        runs.GetOrAdd(engine, e => new Lazy<Task<EngineRun>>(() => StartAsync(site, e, expectations))).Value;

    /// <summary>Throws <see cref="MissingToolException"/> naming what <paramref name="engine"/> needs and is not installed.</summary>
    public static (string FileName, List<string> Arguments) Command(string engine)
    {
        var node = ToolProcess.FindOnPath("node") ?? throw MissingToolException.For("Node.js", "node on PATH", "Debian packages nodejs and npm");
        if (!File.Exists(DriverPath)) throw new FileNotFoundException("the engines driver is missing", DriverPath);
        foreach (var package in new[] { "puppeteer-core", "selenium-webdriver" })
        {
            var folder = Path.Combine(RepoPaths.ToolsNodeModules, package);
            if (!Directory.Exists(folder)) throw MissingToolException.For($"The npm package {package}", folder, $"npm ci in tests/tools, package {package}");
        }
        switch (engine)
        {
            case Firefox:
                if (!File.Exists(FirefoxPath)) throw MissingToolException.For("Firefox ESR", FirefoxPath, "Debian package firefox-esr");
                return (node, [DriverPath]);
            case WebKit:
                if (!File.Exists(WebKitDriverPath)) throw MissingToolException.For("WebKitWebDriver", WebKitDriverPath, "Debian package webkit2gtk-driver");
                if (!File.Exists(MiniBrowserPath)) throw MissingToolException.For("WebKitGTK's MiniBrowser", MiniBrowserPath, "Debian package webkit2gtk-driver");
                var xvfbRun = ToolProcess.FindOnPath("xvfb-run") ?? throw MissingToolException.For("xvfb-run", "xvfb-run on PATH", "Debian package xvfb");
                return (xvfbRun, ["-a", "-s", "-screen 0 1280x1024x24", node, DriverPath]);
            default:
                throw new ArgumentException("unknown engine " + engine, nameof(engine));
        }
    }

    private async Task<EngineRun> StartAsync(RealSiteFixture site, string engine, Func<object> expectations)
    {
        var (fileName, arguments) = Command(engine);
        var expect = Path.Combine(temp ?? throw new InvalidOperationException("the engines fixture is not initialised"), engine + ".json");
        await File.WriteAllTextAsync(expect, JsonSerializer.Serialize(expectations(), new JsonSerializerOptions { WriteIndented = true }));
        arguments.AddRange([
            "--engine", engine, "--http-base", site.HttpBaseUrl, "--file-base", new Uri(site.FileSite + "/").AbsoluteUri,
            "--expect", expect, "--timeout", ((int)WaitTimeout.TotalMilliseconds).ToString(),
        ]);

        var marker = $"{engine}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        markers.Add(marker);
        var start = ToolProcess.StartInfo(fileName, arguments, RepoPaths.Root);
        start.Environment[MarkerVariable] = marker;

        var lines = new ConcurrentQueue<string>();
        var errors = new StringBuilder();
        var clock = Stopwatch.StartNew();
        site.Server.ClearLog(); // the collection's tests run one at a time, so the log is this run's
        int? exitCode = null;
        using (var process = new Process { StartInfo = start })
        {
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var cancel = new CancellationTokenSource(RunTimeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
                process.WaitForExit(); // the end of the redirected output
                exitCode = process.ExitCode;
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { /* ended meanwhile */ }
                lock (errors) errors.AppendLine($"(killed after {RunTimeout.TotalMinutes:0} minutes)");
            }
        }
        var requests = site.Server.Requests;
        var leftBehind = await EndMarkedProcessesAsync(marker, TimeSpan.FromSeconds(15));

        var checks = new List<EngineCheckResult>();
        var browsers = new List<string>();
        foreach (var line in lines.Where(l => l.StartsWith('{')))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("check", out var check))
                checks.Add(new EngineCheckResult(engine, check.GetString()!, root.GetProperty("ok").GetBoolean(),
                    root.GetProperty("ms").GetInt64(), root.GetProperty("details").GetString() ?? ""));
            else if (root.TryGetProperty("browser", out var browser))
                browsers.Add($"{browser.GetString()}, JavaScript {(root.GetProperty("javascript").GetBoolean() ? "on" : "off")}: {root.GetProperty("userAgent").GetString()}");
        }
        string stderr;
        lock (errors) stderr = errors.ToString();
        return new EngineRun(engine, checks, browsers, clock.Elapsed, exitCode, stderr, leftBehind, requests);
    }

    /// <summary>
    /// Waits up to <paramref name="grace"/> for the processes carrying <paramref name="marker"/> to end by themselves
    /// (a browser's helpers go a moment after it), then kills those still there, by pid. Returns them ("name (pid)").
    /// </summary>
    public static async Task<IReadOnlyList<string>> EndMarkedProcessesAsync(string marker, TimeSpan grace)
    {
        var clock = Stopwatch.StartNew();
        List<(int Pid, string Name)> alive;
        while ((alive = MarkedProcesses(marker)).Count > 0 && clock.Elapsed < grace)
            await Task.Delay(200);
        foreach (var (pid, _) in alive)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { /* gone meanwhile */ }
        }
        return alive.Select(p => $"{p.Name} ({p.Pid})").ToList();
    }

    /// <summary>The live processes whose environment holds MarkerVariable=<paramref name="marker"/> (from /proc).</summary>
    public static List<(int Pid, string Name)> MarkedProcesses(string marker)
    {
        var needle = Encoding.UTF8.GetBytes($"{MarkerVariable}={marker}\0");
        var found = new List<(int, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var environ = File.ReadAllBytes(Path.Combine(dir, "environ"));
                if (environ.AsSpan().IndexOf(needle) < 0) continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z')) continue; // a zombie is already gone, only not yet reaped
                found.Add((pid, File.ReadAllText(Path.Combine(dir, "comm")).Trim()));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* gone meanwhile, or not ours to read */ }
        }
        return found;
    }

    public async Task DisposeAsync()
    {
        // A run still going when the collection ends (a test gave up on it) is ended with its processes.
        foreach (var marker in markers) await EndMarkedProcessesAsync(marker, TimeSpan.Zero);
        if (temp is not null && Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
    }
}
