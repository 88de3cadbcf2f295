using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Baoku.Tests.Support;
using Xunit.Abstractions;

namespace Baoku.Tests.Build;

/// <summary>The kill test is slow (minutes) and measures time: it runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KillTestCollection
{
    public const string Name = "Kill test";
}

/// <summary>
/// Runs when asked for (BAOKU_KILL_TEST=1) and the benchmark corpus generator (shared/bench beside the repository) is
/// there: at 2,000 articles the test took 17.5 minutes on a loaded 2-core machine (35 s per uninterrupted incremental
/// build, then ten resets, kills and repair builds, each compared file by file), far beyond what the suite
/// can spend on one test, and fewer articles would make builds too short to kill at ten distinct moments.
/// </summary>
public sealed class NeedsCorpusGeneratorFact : FactAttribute
{
    public static string Generator { get; } = Path.GetFullPath(Path.Combine(SeedArticles.RepoRoot, "..", "shared", "bench", "make-corpus.py"));

    public NeedsCorpusGeneratorFact()
    {
        if (Environment.GetEnvironmentVariable("BAOKU_KILL_TEST") != "1") Skip = "slow (minutes): set BAOKU_KILL_TEST=1 to run the kill test";
        else if (!File.Exists(Generator)) Skip = $"the corpus generator {Generator} is absent: the kill test needs its 2,000-article corpus";
    }
}

/// <summary>
/// SIGKILL at ten moments of an incremental build of a 2,000-article corpus after the site title changed (every page
/// changes): each time the output folder must be exactly the old site or the new one, and the next build must give
/// exactly the new site (a full build's bytes) and leave no staging or old folder behind (issue 17). On the main of
/// before, kills during the publish left a mix (the issue saw 1,075 new files and 6,999 old after a kill 0.1 s into
/// it). The moments are states seen by polling the staging folder (how full it is, when it starts to empty or goes)
/// and fractions of the times measured in an uninterrupted run of the same build.
/// </summary>
[Collection(KillTestCollection.Name)]
public sealed class KillDuringBuildTests(ITestOutputHelper log) : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "baoku-kill-" + Guid.NewGuid().ToString("N"));
    string Public => Path.Combine(_root, "public");
    string Cache => Path.Combine(_root, "cache");

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    string[] Build(string site, string output, string cache, bool full = false) =>
    [
        "build", "--content", Path.Combine(_root, "corpus", "content"), "--site", site, "--templates", Path.Combine(SeedArticles.RepoRoot, "templates"),
        "-o", output, "--cache", cache, "-q", .. full ? new[] { "--full" } : [],
    ];

    /// <summary>What a run showed, in seconds from its start: the most files seen in the staging folder, when it first
    /// held them all (<c>Full</c>), when it began to empty or went (<c>Publishing</c>: the publish), and its end.</summary>
    sealed record Run(int MostStaged, double Full, double Publishing, double End, bool Killed);

    /// <summary>What the poll sees during a run: files in the staging folder, the time, and when this run was full and publishing.</summary>
    sealed record State(int Staged, double Now, double? FullAt, double? PublishingAt);

    /// <summary>A moment to kill at, judged from the uninterrupted run and what this run shows.</summary>
    sealed record Moment(string Name, Func<Run, State, bool> Reached);

    [NeedsCorpusGeneratorFact]
    public async Task A_kill_at_any_moment_of_an_incremental_build_leaves_the_old_site_or_the_new_one()
    {
        Directory.CreateDirectory(_root);
        Sh("python3", NeedsCorpusGeneratorFact.Generator, Path.Combine(_root, "corpus"), "--articles", "2000", "--seed", "1");
        var oldSite = Path.Combine(_root, "old.yml");
        var newSite = Path.Combine(_root, "new.yml");
        var yml = File.ReadAllText(Path.Combine(SeedArticles.RepoRoot, "site.yml"));
        File.WriteAllText(oldSite, yml);
        File.WriteAllText(newSite, System.Text.RegularExpressions.Regex.Replace(yml, "(?m)^title: .*$", "title: 换了站名的报库"));
        yml.ShouldNotBe(File.ReadAllText(newSite));

        await Finish(Build(oldSite, Public, Cache));
        var oldHash = Hashes(Public)!;
        Sh("cp", "-al", Public, Path.Combine(_root, "pristine-site"));   // hard links: the same bytes and times, no copy
        Sh("cp", "-a", Cache, Path.Combine(_root, "pristine-cache"));
        await Finish(Build(newSite, Path.Combine(_root, "reference"), Path.Combine(_root, "reference-cache"), full: true));
        var newHash = Hashes(Path.Combine(_root, "reference"))!;

        var measured = await Watch(Build(newSite, Public, Cache), null, _ => false);
        log.WriteLine($"uninterrupted: {measured.MostStaged} files staged at most, all of them at {measured.Full:0.00} s, publishing at {measured.Publishing:0.00} s, end at {measured.End:0.00} s");
        Compare(Hashes(Public), oldHash, newHash).ShouldBe("new", "the uninterrupted incremental build is the full build's site");
        measured.Publishing.ShouldBeGreaterThan(0, "the publish was seen");

        Moment Staged(double part) => new($"{part:P0} of the files staged", (r, s) => s.Staged >= part * r.MostStaged);
        Moment AfterFull(double part) => new($"{part:0.00} of the way from all staged to the end", (r, s) => s.FullAt is { } f && s.Now >= f + part * (r.End - r.Full));
        Moment AfterPublishing(double part) => new($"{part:0.00} of the way from the publish to the end", (r, s) => s.PublishingAt is { } p && s.Now >= p + part * (r.End - r.Publishing));
        Moment[] moments =
        [
            Staged(0.25), Staged(0.5), Staged(0.75), Staged(1.0), AfterFull(0.3), AfterFull(0.6), AfterFull(0.85),
            AfterPublishing(0), AfterPublishing(0.3), AfterPublishing(0.6),
        ];

        var report = new StringBuilder();
        int killed = 0;
        foreach (var moment in moments)
        {
            Reset();
            var run = await Watch(Build(newSite, Public, Cache), measured, s => moment.Reached(measured, s));
            if (run.Killed) killed++;
            var state = Compare(Hashes(Public), oldHash, newHash);
            var leftovers = Beside();
            await Finish(Build(newSite, Public, Cache));
            var after = Compare(Hashes(Public), oldHash, newHash);
            var leftAfter = Beside();
            var line = $"{moment.Name}: {(run.Killed ? $"killed at {run.End:0.00} s" : $"finished at {run.End:0.00} s, before the kill")}, public/ = {state}" +
                       $"{(leftovers.Length > 0 ? $", beside it {string.Join(", ", leftovers)}" : "")}; next build: {after}{(leftAfter.Length > 0 ? $", left {string.Join(", ", leftAfter)}" : "")}";
            log.WriteLine(line);
            report.AppendLine(line);
        }
        var text = report.ToString();
        text.ShouldNotContain("MIXED", customMessage: text);
        text.ShouldNotContain("missing", customMessage: text);
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(l => l.EndsWith("next build: new"), text);
        killed.ShouldBeGreaterThanOrEqualTo(6, "most moments come before the build ends\n" + text);
    }

    string[] Beside() => Directory.GetDirectories(_root).Select(d => Path.GetFileName(d)).Where(n => n.StartsWith("public.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The output folder and cache as the old build left them (the same files, hard-linked), and nothing beside.</summary>
    void Reset()
    {
        foreach (var d in Directory.GetDirectories(_root, "public*").Append(Cache).Where(Directory.Exists)) Directory.Delete(d, true);
        Sh("cp", "-al", Path.Combine(_root, "pristine-site"), Public);
        Sh("cp", "-a", Path.Combine(_root, "pristine-cache"), Cache);
    }

    /// <summary>
    /// Runs a build as a child process, polling its staging folder, and kills it (SIGKILL) as soon as
    /// <paramref name="killWhen"/> says so. <paramref name="measured"/>: the uninterrupted run, whose most files
    /// staged tell when this run is full (null: this is that run, full when it reaches its own most).
    /// </summary>
    async Task<Run> Watch(string[] args, Run? measured, Func<State, bool> killWhen)
    {
        using var p = Process.Start(BaokuProcess.StartInfo(_root, args))!;
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        var staging = Path.Combine(_root, $"public.staging-{p.Id}");
        int most = 0;
        double mostAt = 0;
        double? fullAt = null, publishingAt = null;
        while (!p.HasExited)
        {
            int staged = Count(staging);
            var now = clock.Elapsed.TotalSeconds;
            if (staged > most) (most, mostAt) = (staged, now);
            if (measured is not null && fullAt is null && staged >= measured.MostStaged) fullAt = now;
            if (publishingAt is null && most > 0 && staged < most) publishingAt = now;   // files moved out, or the folder renamed
            if (killWhen(new State(staged, now, fullAt, publishingAt)))
            {
                try { p.Kill(); } catch (InvalidOperationException) { }   // SIGKILL; it may have ended just now
                await p.WaitForExitAsync();
                return new Run(most, fullAt ?? mostAt, publishingAt ?? 0, now, Killed: p.ExitCode != 0);
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) { p.Kill(); throw new TimeoutException("the build did not end"); }
            await Task.Delay(5);   // a poll interval, not a wait for a state
        }
        await p.WaitForExitAsync();
        p.ExitCode.ShouldBe(0, await output + await errors);
        return new Run(most, measured is null ? mostAt : fullAt ?? 0, publishingAt ?? 0, clock.Elapsed.TotalSeconds, Killed: false);
    }

    static int Count(string folder)
    {
        try { return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 0; }   // renamed or deleted while counted
    }

    async Task Finish(string[] args)
    {
        var (exit, output, errors) = await BaokuProcess.RunAsync(_root, args, TimeSpan.FromMinutes(10));
        exit.ShouldBe(0, output + errors);
    }

    /// <summary>Every file's path and SHA-256; null when the folder is missing.</summary>
    static SortedDictionary<string, string>? Hashes(string folder) => Directory.Exists(folder) ? BuildSandbox.Snapshot(folder) : null;

    /// <summary>"old", "new", or what the folder is instead: "missing", or "MIXED (n files as old, m as new, of k)".</summary>
    static string Compare(SortedDictionary<string, string>? site, SortedDictionary<string, string> oldSite, SortedDictionary<string, string> newSite)
    {
        if (site is null) return "missing";
        if (site.SequenceEqual(oldSite)) return "old";
        if (site.SequenceEqual(newSite)) return "new";
        int asOld = site.Count(f => oldSite.TryGetValue(f.Key, out var h) && h == f.Value);
        int asNew = site.Count(f => newSite.TryGetValue(f.Key, out var h) && h == f.Value);
        return $"MIXED ({asOld} files as old, {asNew} as new, of {site.Count})";
    }

    static void Sh(string command, params string[] args)
    {
        var psi = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, $"{command} {string.Join(' ', args)}: {err.Result}");
    }
}
