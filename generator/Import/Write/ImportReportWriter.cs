using System.Text;

namespace Baoku.Import.Write;

/// <summary>
/// The import report: every item found on every page with its raw lines, the date each page got and why,
/// what the importer was unsure of, and what happened to each file. Deterministic (no timestamps), so it can be committed.
/// </summary>
public static class ImportReportWriter
{
    public static string KindName(ItemKind k) => k switch
    {
        ItemKind.Article => "文章",
        ItemKind.PhotoStory => "图片新闻",
        ItemKind.Continuation => "续文",
        ItemKind.OrphanHeadline => "孤立标题",
        ItemKind.Fragment => "未识别文字",
        ItemKind.ColumnLabel => "栏目标签",
        ItemKind.Caption => "图片说明",
        ItemKind.Ad => "分类广告",
        ItemKind.Byline => "署名",
        ItemKind.Furniture => "版面信息",
        _ => k.ToString(),
    };

    public static string OutcomeName(FileOutcome o) => o switch
    {
        FileOutcome.Created => "新建 (created)",
        FileOutcome.Updated => "更新 (updated)",
        FileOutcome.Unchanged => "未变 (unchanged)",
        FileOutcome.KeptEdited => "保留编辑版本 (kept: edited)",
        FileOutcome.Replaced => "已替换 (replaced, --force)",
        FileOutcome.Renamed => "改名 (renamed)",
        FileOutcome.Conflict => "冲突 (conflict)",
        _ => o.ToString(),
    };

    public static string Render(ImportResult r)
    {
        var paths = r.Articles.ToDictionary(a => a.SourceKey, a => a.RelativePath);
        var sb = new StringBuilder();
        sb.Append("# 导入报告 (import report)\n\n");
        sb.Append("由 `baoku import` 生成，每次导入都会重写。每个版面的每一行原文都归入下表中的一个条目。\n");
        sb.Append("(Written by `baoku import` on every run. Every raw line of every page belongs to exactly one item below.)\n\n");
        int articles = r.Pages.Sum(p => p.Items.Count(i => i.Kind == ItemKind.Article));
        sb.Append($"版面 {r.Pages.Count} 个，文章 {articles} 篇，其他条目 {r.Pages.Sum(p => p.Items.Count) - articles} 个。\n");
        if (!r.Written) sb.Append("\n**本次没有写入任何文章文件 (no article files were written in this run).**\n");

        if (r.Problems.Count > 0)
        {
            sb.Append("\n## 问题 (problems)\n\n");
            foreach (var p in r.Problems) sb.Append("- ").Append(Escape(p.ToString())).Append('\n');
        }

        foreach (var page in r.Pages)
        {
            sb.Append($"\n## {page.File}\n\n");
            if (page.DateLine is not null) sb.Append($"见报日期 (date)：{Escape(page.DateLine)}\n\n");
            foreach (var n in page.Notes) sb.Append($"- {Escape(n)}\n");
            if (page.Notes.Count > 0) sb.Append('\n');
            sb.Append("| # | 类型 (kind) | 标题或内容 (title or text) | 原始行 (raw lines) | 文件与说明 (file, notes) |\n");
            sb.Append("|---|---|---|---|---|\n");
            int k = 1;
            foreach (var item in page.Items)
            {
                var notes = new List<string>();
                if (item.ArticleKey is not null && paths.TryGetValue(item.ArticleKey, out var path)) notes.Add($"`content/{path}`");
                notes.AddRange(item.Notes);
                sb.Append($"| {k++} | {KindName(item.Kind)} | {Escape(item.Text)} | {item.Lines} | {Escape(string.Join("<br>", notes))} |\n");
            }
        }

        if (r.Files.Count > 0)
        {
            sb.Append("\n## 文件 (files)\n\n");
            foreach (var f in r.Files)
                sb.Append($"- `content/{f.RelativePath}`：{OutcomeName(f.Outcome)}{(f.Note is null ? "" : "，" + Escape(f.Note))}\n");
        }
        return sb.ToString();
    }

    /// <summary>Keeps printed text from breaking the Markdown table.</summary>
    static string Escape(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
