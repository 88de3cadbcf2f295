namespace Baoku.Cli;

/// <summary>
/// Where the commands look when no path is given. Content, site.yml and the output are the newsroom's own and are
/// always relative to the current folder; templates are too, but when the current folder has no <c>templates/</c> the
/// default templates installed with the program (beside baoku.dll, e.g. in the dotnet tool's folder) are used.
/// </summary>
public static class DefaultPaths
{
    public const string Content = "content";
    public const string Site = "site.yml";
    public const string Output = "public";

    /// <summary>The default templates that are copied beside the program (generator/Baoku.csproj).</summary>
    public static string BundledTemplates => Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary><c>templates</c> when the current folder has one (or when no templates came with the program), else the bundled ones.</summary>
    public static string Templates() =>
        !Directory.Exists("templates") && Directory.Exists(BundledTemplates) ? BundledTemplates : "templates";
}
