using System.Text.Json;
using Microsoft.Playwright;

namespace Baoku.Tests.Support.Web;

/// <summary>
/// One axe-core rule the page breaks: rule id, impact (minor, moderate, serious, critical), help text and the offending
/// elements' CSS selectors (inside a frame: "frame selector | element selector"; inside shadow DOM: "host >> element").
/// </summary>
public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets)
{
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";
    public override string ToString() => $"{Id} ({Impact}): {Help} at {string.Join(", ", Targets)}";
}

/// <summary>The violations axe-core found on one page.</summary>
public sealed record AxeResult(string Url, IReadOnlyList<AxeViolation> Violations)
{
    /// <summary>The violations with impact serious or critical: the ones the project does not accept.</summary>
    public IReadOnlyList<AxeViolation> SeriousOrCritical => Violations.Where(v => v.IsSeriousOrCritical).ToList();

    public string Describe(IEnumerable<AxeViolation>? violations = null) =>
        Url + "\n" + string.Join("\n", (violations ?? Violations).Select(v => "  " + v));
}

/// <summary>
/// Runs axe-core (tests/tools/node_modules/axe-core/axe.min.js, pinned in tests/tools/package-lock.json) on a loaded
/// Playwright page: injects the script with a script tag, then <c>axe.run(document, options)</c>. The page needs
/// JavaScript on, as axe runs in the page.
/// </summary>
public static class AxeChecker
{
    public static string ScriptPath => Path.Combine(RepoPaths.ToolsNodeModules, "axe-core", "axe.min.js");

    private const string Run = """
        async (options) => {
          const result = await axe.run(document, JSON.parse(options));
          return result.violations.map(v => ({
            id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
            targets: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' >> ') : t).join(' | ')),
          }));
        }
        """;

    /// <summary>
    /// Checks the page as it is now. <paramref name="options"/> is axe.run's options object as JSON (default: all rules
    /// that axe enables by default, violations only), e.g. <c>{"runOnly": ["wcag2a", "wcag2aa"]}</c>.
    /// </summary>
    public static async Task<AxeResult> RunAsync(IPage page, string? options = null)
    {
        if (!File.Exists(ScriptPath)) throw MissingToolException.For("axe-core", ScriptPath, "npm ci in tests/tools, package axe-core");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            throw new InvalidOperationException($"axe-core did not start in {page.Url}: the page's scripts do not run " +
                "(a context opened with javaScript: false, or a Content-Security-Policy that blocks the injected script)");
        var raw = await page.EvaluateAsync<JsonElement>(Run, options ?? """{"resultTypes": ["violations"]}""");
        var violations = raw.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            v.GetProperty("helpUrl").GetString()!,
            v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList())).ToList();
        return new AxeResult(page.Url, violations);
    }
}
