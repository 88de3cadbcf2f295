namespace Baoku.Core;

/// <summary>
/// A problem with an input found deep inside a stage's work (a template failing on one page of thousands rendered in
/// parallel): thrown to leave the loop at once, caught by the stage that runs the work and reported as its
/// <see cref="Problem"/>, never as an internal error.
/// </summary>
public sealed class ProblemException(Problem problem) : Exception(problem.ToString())
{
    public Problem Problem { get; } = problem;

    /// <summary>The problem an exception carries, also when wrapped by a parallel loop; null for any other exception.</summary>
    public static Problem? Of(Exception e) => e switch
    {
        ProblemException p => p.Problem,
        AggregateException a => a.Flatten().InnerExceptions.Select(Of).FirstOrDefault(p => p is not null),
        _ => null,
    };
}
