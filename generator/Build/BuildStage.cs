namespace Baoku.Build;

/// <summary>
/// A stage of <c>baoku build</c>: its name (in <c>-v</c> timings, the memory trace and the cache manifest) and the
/// progress line shown while it runs, from one table. <see cref="Output"/>: the stage reads or writes the output
/// folder, so an I/O error in it is the output folder's problem (<see cref="OutputErrors"/>), never the input's.
/// </summary>
public sealed record BuildStage(string Name, string Progress, bool Output)
{
    public static readonly BuildStage Prepare = new("prepare", "检查输出文件夹 (checking the output folder)", true);
    public static readonly BuildStage Changes = new("changes", "检查改动 (looking for changes)", true);
    public static readonly BuildStage Config = new("config", "读取配置和模板 (configuration and templates)", false);
    public static readonly BuildStage Content = new("content", "读取文章 (content)", false);
    public static readonly BuildStage Model = new("model", "整理网站结构 (site model)", false);
    public static readonly BuildStage Render = new("render", "生成网页 (rendering)", true);
    public static readonly BuildStage Search = new("search", "建立搜索索引 (search index)", true);
    public static readonly BuildStage Links = new("links", "检查链接 (checking links)", true);
    public static readonly BuildStage Publish = new("publish", "发布到输出文件夹 (publishing)", true);

    public override string ToString() => Name;
}

/// <summary>How long a stage took.</summary>
public sealed record StageTiming(BuildStage Stage, TimeSpan Time);

/// <summary>The one mapping from an error while reading or writing the output folder to the problem the build reports.</summary>
public static class OutputErrors
{
    /// <summary>The problem for <paramref name="e"/>, or null when it is not an output-folder error (a bug: let it surface).
    /// The system's message names the file or folder that failed; the problem says why in words an editor can act on.</summary>
    public static Problem? ProblemOf(Exception e, string outputDir) => e switch
    {
        // Pages are written in parallel: their errors arrive wrapped.
        AggregateException a when a.Flatten().InnerExceptions.All(i => ProblemOf(i, outputDir) is not null) =>
            ProblemOf(a.Flatten().InnerExceptions[0], outputDir),
        UnsafePathException u => new Problem(ProblemCodes.OutputEscape, outputDir, null,
            $"网址会写到输出文件夹 {outputDir} 之外，已停止 (a page path would leave the output folder {outputDir}): {u.SitePath}"),
        UnauthorizedAccessException => Write(outputDir, e,
            $"没有权限：无法写入输出文件夹 {outputDir} 或它所在的文件夹，请检查权限 (permission denied: cannot write the output folder {outputDir} or the folder it is in)"),
        PathTooLongException => Write(outputDir, e,
            $"路径太长：无法写入输出文件夹 {outputDir}，请换一个短一些的路径 (path too long: cannot write the output folder {outputDir}; choose a shorter path)"),
        IOException when IsDiskFull(e) => Write(outputDir, e,
            $"磁盘已满：无法写入输出文件夹 {outputDir}，请腾出空间 (disk full: cannot write the output folder {outputDir}; free some space)"),
        IOException => Write(outputDir, e, $"无法写入输出文件夹 {outputDir} (cannot write the output folder {outputDir})"),
        _ => null,
    };

    static Problem Write(string outputDir, Exception e, string why) => new(ProblemCodes.OutputWrite, outputDir, null, $"{why}: {e.Message}");

    /// <summary>No space or over quota: ENOSPC and EDQUOT (Linux 122, macOS 69) as .NET reports them on Unix, or the Windows codes.</summary>
    static bool IsDiskFull(Exception e) => e.HResult switch
    {
        28 => true,
        122 => OperatingSystem.IsLinux(),
        69 => OperatingSystem.IsMacOS(),
        unchecked((int)0x80070070) or unchecked((int)0x80070027) => true,
        _ => false,
    };
}
