using System.Diagnostics;

namespace Baoku.Build;

/// <summary>
/// The memory trace of a build (<see cref="BuildOptions.TraceMemory"/>): live and process memory after each stage
/// and at the search index's steps, for finding where a large site's peak is. After a stage it collects first, so
/// "live" is what the next stage starts with; that collection is why the trace is off by default.
/// </summary>
public sealed class MemoryTrace(TextWriter log)
{
    readonly Stopwatch _clock = new();

    public void After(BuildStage stage) => log.WriteLine($"{stage.Name}: {Memory(collect: true)}");

    /// <summary>A step inside a stage, timed from <see cref="Start"/>; no collection, so the step's peak shows.</summary>
    public void Note(string step) => log.WriteLine($"  {step} ({_clock.Elapsed.TotalSeconds:F2} s): {Memory(collect: false)}");

    public void Start() => _clock.Restart();

    static string Memory(bool collect) =>
        $"live {GC.GetTotalMemory(collect) / 1048576} MiB, process {Environment.WorkingSet / 1048576} MiB, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB";
}
