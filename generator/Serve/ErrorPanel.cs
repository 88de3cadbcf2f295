using System.Net;
using System.Text;

namespace Baoku.Serve;

/// <summary>
/// The panel the preview server puts on every HTML page while the last build failed: what went wrong, as
/// <c>file:line: message</c> lines, over the last good site. Everything from the build is HTML-escaped; the styles
/// are inline so the panel needs nothing from the site.
/// </summary>
public static class ErrorPanel
{
    /// <summary>The panel's element id (tests and the live-reload script look for it).</summary>
    public const string Id = "baoku-serve-errors";
    const int MaxShown = 50;

    public static string Html(IReadOnlyList<Problem> errors, string? baseDir = null)
    {
        var sb = new StringBuilder();
        sb.Append($"<div id=\"{Id}\" role=\"alert\" lang=\"zh-CN\" style=\"position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:60vh;overflow:auto;")
          .Append("margin:0;padding:12px 16px;background:#fff4f4;color:#5c0000;border-bottom:3px solid #c00;")
          .Append("font:14px/1.5 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)\">");
        sb.Append("<p style=\"margin:0 0 6px;font-weight:bold\">构建失败：下面的错误改正并保存后，页面会自动刷新。现在显示的是上一次成功构建的网站。")
          .Append("<br><span lang=\"en\">(The build failed: fix the errors below and save, and the page reloads by itself. This is the last site that built.)</span></p>");
        sb.Append("<ul style=\"margin:0;padding-left:20px;font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-all\">");
        foreach (var p in errors.Take(MaxShown))
            sb.Append("<li>").Append(WebUtility.HtmlEncode(Line(p, baseDir))).Append("</li>");
        sb.Append("</ul>");
        if (errors.Count > MaxShown)
            sb.Append($"<p style=\"margin:6px 0 0\">… 另有 {errors.Count - MaxShown} 个错误，见命令行窗口 (… {errors.Count - MaxShown} more errors: see the console)</p>");
        sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>A problem as one line, its file shown relative to <paramref name="baseDir"/> when it is inside it.</summary>
    public static string Line(Problem p, string? baseDir = null) => (p with { File = ShownPath(p.File, baseDir) }).ToString();

    static string ShownPath(string file, string? baseDir)
    {
        if (baseDir is null || !Path.IsPathRooted(file)) return file;
        var relative = Path.GetRelativePath(baseDir, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative.Replace('\\', '/');
    }
}
