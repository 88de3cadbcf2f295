using Baoku.Build;

namespace Baoku.Tests.Build;

public class StagingOutputTests
{
    [Theory]
    [InlineData("../outside.html")]
    [InlineData("a/../../outside.html")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\..\\..\\x.html")]
    [InlineData("C:/x.html")]
    public void NoPathLeavesTheOutputFolder(string path)
    {
        var root = Path.Combine(Path.GetTempPath(), "baoku-out-" + Guid.NewGuid().ToString("N"));
        using var staging = new StagingOutput(root);
        Should.Throw<UnsafePathException>(() => staging.Write(path, "x"));
    }

    [Fact]
    public void CommitReplacesTheOutputFolderAndUncommittedStagingIsRemoved()
    {
        var root = Path.Combine(Path.GetTempPath(), "baoku-out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "old.html"), "old");
        using (var abandoned = new StagingOutput(root)) abandoned.Write("new.html", "new");
        File.Exists(Path.Combine(root, "old.html")).ShouldBeTrue();
        Directory.GetDirectories(Path.GetDirectoryName(root)!, Path.GetFileName(root) + ".staging-*").ShouldBeEmpty();

        using (var staging = new StagingOutput(root))
        {
            staging.Write("new.html", "new");
            staging.Commit();
        }
        File.Exists(Path.Combine(root, "old.html")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(root, "new.html")).ShouldBe("new");
        Directory.Delete(root, true);
    }
}
