using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baoku.Check;

/// <summary>Writes a <see cref="CheckReport"/> as text lines for people or as one JSON document for CI.</summary>
public static class CheckReportWriter
{
    /// <summary>One line per finding (<c>file:line: error|warning: message [code]</c>), then the summary line.</summary>
    public static void WriteText(CheckReport report, TextWriter output)
    {
        foreach (var f in report.Findings) output.WriteLine(CheckReport.Line(f));
        output.WriteLine(Summary(report));
    }

    public static string Summary(CheckReport r) =>
        $"检查了 {r.Files} 个文章文件：{r.Errors} 个错误，{r.Warnings} 个警告 (checked {r.Files} article files: {r.Errors} errors, {r.Warnings} warnings)";

    /// <summary>The JSON document of <see cref="WriteJson"/> as a string.</summary>
    public static string Json(CheckReport report)
    {
        using var buffer = new MemoryStream();
        WriteJson(report, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// <c>{"findings": [{"file", "line", "column"?, "severity", "code", "message"}], "summary": {"files", "errors", "warnings"}}</c>;
    /// <c>line</c> is null when the finding has none; <c>column</c> is there only when known (templates). Chinese is written as is, not as \u escapes.
    /// </summary>
    public static void WriteJson(CheckReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("file", f.File);
            if (f.Line is { } line) json.WriteNumber("line", line);
            else json.WriteNull("line");
            if (f.Column is { } column) json.WriteNumber("column", column);
            json.WriteString("severity", f.IsError ? "error" : "warning");
            json.WriteString("code", f.Code.Id);
            json.WriteString("message", f.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("files", report.Files);
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("warnings", report.Warnings);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
