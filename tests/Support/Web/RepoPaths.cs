namespace Baoku.Tests.Support.Web;

/// <summary>Where the repository and the test tools are, found from the test assembly's folder.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds both generator/ and tests/.</summary>
    public static string Root { get; } = FindRoot();

    public static string Tests => Path.Combine(Root, "tests");

    /// <summary>tests/tools: the npm-pinned checkers (package.json, package-lock.json, node_modules/).</summary>
    public static string Tools => Path.Combine(Tests, "tools");

    public static string ToolsNodeModules => Path.Combine(Tools, "node_modules");

    public static string Fixture(string name) => Path.Combine(Tests, "Fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "generator")) && Directory.Exists(Path.Combine(dir.FullName, "tests")))
                return dir.FullName;
        throw new InvalidOperationException("repository root (a folder with generator/ and tests/) not found above " + AppContext.BaseDirectory);
    }
}
