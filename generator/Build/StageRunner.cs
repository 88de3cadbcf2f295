using System.Diagnostics;

namespace Baoku.Build;

/// <summary>
/// Runs the build's stages one after another: the progress line, the timing and the memory trace of each, the
/// problems found so far, and the one place where an error in the output folder (<see cref="OutputErrors"/>) or an
/// input's problem found inside a stage (<see cref="ProblemException"/>, e.g. a template failing on a page) becomes a
/// problem instead of an exception.
/// </summary>
sealed class StageRunner(string outputDir, Action<string>? progress, MemoryTrace? trace)
{
    readonly List<StageTiming> _timings = [];

    public List<Problem> Problems { get; } = [];
    public IReadOnlyList<StageTiming> Timings => _timings;
    public MemoryTrace? Trace => trace;

    /// <summary>The articles a failed build reports: read so far, or published once the model is made.</summary>
    public int Articles { get; set; }

    /// <summary>
    /// Runs a stage. False when the build must stop: its result is null (the stage could not make it), an error has
    /// been found, or the output folder could not be read or written.
    /// </summary>
    public bool Do<T>(BuildStage stage, Func<T?> work, out T result)
    {
        progress?.Invoke(stage.Progress);
        var clock = Stopwatch.StartNew();
        T? value = default;
        try
        {
            value = work();
        }
        catch (Exception e) when (stage.Output && OutputErrors.ProblemOf(e, outputDir) is { } problem)
        {
            Problems.Add(problem);
        }
        catch (Exception e) when (ProblemException.Of(e) is { } problem)
        {
            Problems.Add(problem);
        }
        finally
        {
            _timings.Add(new StageTiming(stage, clock.Elapsed));
            trace?.After(stage);
        }
        result = value!;
        return value is not null && !Problems.AnyErrors();
    }

    public BuildResult Failed() => new(Problems, Articles, 0, Timings, false);
}
