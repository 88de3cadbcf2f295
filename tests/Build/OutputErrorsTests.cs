using Baoku.Build;

namespace Baoku.Tests.Build;

public class OutputErrorsTests
{
    [Fact]
    public void AWriteErrorIsTheOutputFoldersProblemAndNamesIt()
    {
        var p = OutputErrors.ProblemOf(new UnauthorizedAccessException("denied"), "public").ShouldNotBeNull();
        p.Code.ShouldBe(ProblemCodes.OutputWrite);
        p.File.ShouldBe("public");
        p.Message.ShouldContain("cannot write the output folder public");
        p.Message.ShouldContain("denied");
    }

    [Fact]
    public void AnErrorOfAPageWrittenInParallelIsUnwrapped() =>
        OutputErrors.ProblemOf(new AggregateException(new AggregateException(new UnsafePathException("../x"))), "public")
            .ShouldNotBeNull().Code.ShouldBe(ProblemCodes.OutputEscape);

    [Fact]
    public void ABugIsNotAnOutputProblem()
    {
        OutputErrors.ProblemOf(new InvalidOperationException(), "public").ShouldBeNull();
        OutputErrors.ProblemOf(new AggregateException(new IOException(), new NullReferenceException()), "public").ShouldBeNull();
    }
}
