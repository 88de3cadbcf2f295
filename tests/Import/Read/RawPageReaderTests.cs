using System.Text;
using System.Text.RegularExpressions;
using Baoku.Import.Read;

namespace Baoku.Tests.Import.Read;

public sealed class RawPageReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "baoku-reader-" + Guid.NewGuid().ToString("N"));

    public RawPageReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        if (!Directory.Exists(_dir)) return;
        if (!OperatingSystem.IsWindows())
        {
            // Undo chmod 000 from the permission tests so the folder can be deleted.
            foreach (var entry in Directory.EnumerateFileSystemEntries(_dir, "*", SearchOption.TopDirectoryOnly))
                File.SetUnixFileMode(entry, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.Delete(_dir, recursive: true);
    }

    // ---- helpers ----

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string WriteUtf8(string name, string text) => Write(name, new UTF8Encoding(false).GetBytes(text));

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds")) && Directory.Exists(Path.Combine(dir.FullName, "generator")))
                return dir.FullName;
        }
        throw new InvalidOperationException("repo root (folder with seeds/ and generator/) not found above " + AppContext.BaseDirectory);
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static RawPage ShouldBePage(RawPageReadResult result)
    {
        result.Problems.ShouldBeEmpty();
        result.Page.ShouldNotBeNull();
        return result.Page;
    }

    /// <summary>A single error for the path as given, worded in Chinese with English in parentheses.</summary>
    private static Problem ShouldBeError(RawPageReadResult result, string file, string chineseFragment)
    {
        result.Page.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.File.ShouldBe(file);
        problem.Line.ShouldBeNull();
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Message.ShouldContain(chineseFragment);
        ShouldBeEditorWording(problem.Message);
        return problem;
    }

    private static void ShouldBeEditorWording(string message) =>
        Regex.IsMatch(message, @"^\P{IsBasicLatin}*\p{IsCJKUnifiedIdeographs}.* \([ -~]+\)$")
            .ShouldBeTrue($"not 'Chinese (English)': {message}");

    private static string[] Texts(RawPage page) => page.Lines.Select(l => l.Text).ToArray();

    // ---- UTF-8 ----

    [Fact]
    public void Utf8SeedPageIsReadWithAllLinesNumberedFromOne()
    {
        var path = Path.Combine(RepoRoot(), "seeds", "000_fcd394e6e566bb03.txt");

        var page = ShouldBePage(RawPageReader.Read(path));

        page.FileName.ShouldBe(path);
        page.Notes.ShouldBeEmpty();
        page.Lines.Count.ShouldBe(464); // 464 line ends, the last one does not open a new line
        page.Lines.Select(l => l.Number).ShouldBe(Enumerable.Range(1, 464));
        page.Lines[0].Text.ShouldBe(" E 二十大精神在基层"); // leading space kept
        page.Lines[1].Text.ShouldBe("");
        page.Lines[2].Text.ShouldBe("坚持发展第一要务 推动经济高质量发展");
        page.Lines[^3].Text.ShouldBe("▶补植绿化");
        page.Lines[^1].Text.ShouldBe("");
    }

    [Fact]
    public void SeedPageWithoutFinalNewlineKeepsItsLastLine()
    {
        var path = Path.Combine(RepoRoot(), "seeds", "004_ebc4f5dc6b68790b.txt");

        var page = ShouldBePage(RawPageReader.Read(path));

        page.Lines.Count.ShouldBe(61);
        page.Lines[2].Text.ShouldBe("奋勇争先结硕果 凝心聚力启新程 开发区召开上半年经济工作会议");
        page.Lines[^1].Text.ShouldNotBeEmpty();
    }

    [Fact]
    public void FinalNewlineDoesNotAddAnEmptyLineButInnerEmptyLinesStay()
    {
        Texts(ShouldBePage(RawPageReader.Read(WriteUtf8("a.txt", "甲\n乙\n")))).ShouldBe(["甲", "乙"]);
        Texts(ShouldBePage(RawPageReader.Read(WriteUtf8("b.txt", "甲\n乙")))).ShouldBe(["甲", "乙"]);
        Texts(ShouldBePage(RawPageReader.Read(WriteUtf8("c.txt", "\n甲\n\n乙\n\n")))).ShouldBe(["", "甲", "", "乙", ""]);
    }

    [Fact]
    public void SpacesAndTabsInsideLinesAreKeptNotTrimmed()
    {
        var page = ShouldBePage(RawPageReader.Read(WriteUtf8("p.txt", "  区 积 极  \n\t标题\t\n")));

        Texts(page).ShouldBe(["  区 积 极  ", "\t标题\t"]);
    }

    [Fact]
    public void NoBreakAndIdeographicSpacesBecomeNormalSpaces()
    {
        var page = ShouldBePage(RawPageReader.Read(WriteUtf8("p.txt", "\u3000\u3000本报讯\u00A0记者\n")));

        page.Lines.ShouldHaveSingleItem().Text.ShouldBe("  本报讯 记者");
    }

    [Fact]
    public void Utf8BomIsRemovedAndNoted()
    {
        var path = Write("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("本报讯\n第二行\n")]);

        var page = ShouldBePage(RawPageReader.Read(path));

        Texts(page).ShouldBe(["本报讯", "第二行"]);
        page.Lines[0].Text[0].ShouldBe('本');
        page.Notes.ShouldBe(["已去除 BOM (byte-order mark removed)"]);
    }

    // ---- line ends ----

    [Fact]
    public void CrlfLineEndsAreSplitAndNoted()
    {
        var page = ShouldBePage(RawPageReader.Read(WriteUtf8("crlf.txt", "第一行\r\n\r\n第三行\r\n")));

        Texts(page).ShouldBe(["第一行", "", "第三行"]);
        page.Lines.Select(l => l.Number).ShouldBe([1, 2, 3]);
        page.Notes.ShouldBe(["行尾为 CRLF，已统一 (CRLF line ends normalised)"]);
    }

    [Fact]
    public void LoneCrLineEndsAreSplitAndNoted()
    {
        var page = ShouldBePage(RawPageReader.Read(WriteUtf8("cr.txt", "第一行\r第二行\r\r第四行")));

        Texts(page).ShouldBe(["第一行", "第二行", "", "第四行"]);
        page.Notes.ShouldBe(["行尾为 CR，已统一 (CR line ends normalised)"]);
    }

    [Fact]
    public void MixedLineEndsAreSplitAndNotedAsMixed()
    {
        var page = ShouldBePage(RawPageReader.Read(WriteUtf8("mixed.txt", "一\n二\r\n三\r四\n")));

        Texts(page).ShouldBe(["一", "二", "三", "四"]);
        var note = page.Notes.ShouldHaveSingleItem();
        note.ShouldContain("行尾混用");
        note.ShouldContain("LF");
        note.ShouldContain("CRLF");
        ShouldBeEditorWording(note);
    }

    // ---- UTF-16 ----

    private const string Utf16Sample = "开发区 11 月 21 日\n本报讯（记者）\n";

    [Fact]
    public void Utf16LeWithBomIsDecodedAndNoted()
    {
        var path = Write("le.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Utf16Sample)]);

        var page = ShouldBePage(RawPageReader.Read(path));

        Texts(page).ShouldBe(["开发区 11 月 21 日", "本报讯（记者）"]);
        page.Notes.ShouldContain("按 UTF-16 LE 编码读取 (decoded as UTF-16 LE)");
        page.Notes.ShouldContain("已去除 BOM (byte-order mark removed)");
    }

    [Fact]
    public void Utf16BeWithBomIsDecodedAndNoted()
    {
        var path = Write("be.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Utf16Sample)]);

        var page = ShouldBePage(RawPageReader.Read(path));

        Texts(page).ShouldBe(["开发区 11 月 21 日", "本报讯（记者）"]);
        page.Notes.ShouldContain("按 UTF-16 BE 编码读取 (decoded as UTF-16 BE)");
        page.Notes.ShouldContain("已去除 BOM (byte-order mark removed)");
    }

    [Fact]
    public void Utf16LeWithoutBomIsDetectedFromNulPattern()
    {
        var seed = File.ReadAllText(Path.Combine(RepoRoot(), "seeds", "001_37e48254b797af22.txt"), Encoding.UTF8);
        var path = Write("le-nobom.txt", Encoding.Unicode.GetBytes(seed));

        var page = ShouldBePage(RawPageReader.Read(path));

        var expected = ShouldBePage(RawPageReader.Read(WriteUtf8("same.txt", seed)));
        Texts(page).ShouldBe(Texts(expected));
        var note = page.Notes.ShouldHaveSingleItem();
        note.ShouldStartWith("按 UTF-16 LE 编码读取");
        ShouldBeEditorWording(note);
    }

    [Fact]
    public void Utf16BeWithoutBomIsDetectedFromNulPattern()
    {
        var path = Write("be-nobom.txt", Encoding.BigEndianUnicode.GetBytes(Utf16Sample));

        var page = ShouldBePage(RawPageReader.Read(path));

        Texts(page).ShouldBe(["开发区 11 月 21 日", "本报讯（记者）"]);
        page.Notes.ShouldHaveSingleItem().ShouldStartWith("按 UTF-16 BE 编码读取");
    }

    [Fact]
    public void Utf16BomFollowedByBrokenUtf16IsAnError()
    {
        // A lone high surrogate (D800) followed by a letter: not valid UTF-16.
        var path = Write("broken16.txt", [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]);

        ShouldBeError(RawPageReader.Read(path), path, "不是有效的 UTF-16 LE");
    }

    // ---- GB18030 ----

    [Fact]
    public void Gb18030PageIsDecodedAndNoted()
    {
        var original = File.ReadAllText(Path.Combine(RepoRoot(), "seeds", "001_37e48254b797af22.txt"), Encoding.UTF8);
        var gbPath = Write("gb.txt", Gb18030().GetBytes(original));
        var utf8Path = WriteUtf8("utf8.txt", original);

        var gb = ShouldBePage(RawPageReader.Read(gbPath));
        var utf8 = ShouldBePage(RawPageReader.Read(utf8Path));

        string.Join("\n", Texts(gb)).ShouldBe(string.Join("\n", Texts(utf8)));
        gb.Lines.Count.ShouldBe(utf8.Lines.Count);
        gb.Notes.ShouldBe(["按 GB18030 编码读取 (decoded as GB18030)"]);
    }

    // ---- errors ----

    [Fact]
    public void EmptyFileIsAnError()
    {
        var path = Write("empty.txt", []);

        ShouldBeError(RawPageReader.Read(path), path, "文件为空");
    }

    [Fact]
    public void FileWithOnlyABomIsAnEmptyFileError()
    {
        var path = Write("bom-only.txt", [0xEF, 0xBB, 0xBF]);

        ShouldBeError(RawPageReader.Read(path), path, "文件为空");
    }

    [Fact]
    public void WhitespaceOnlyFileIsAnError()
    {
        var path = WriteUtf8("blank.txt", "  \n\t\r\n\u3000\u00A0\n\n");

        ShouldBeError(RawPageReader.Read(path), path, "只有空白字符");
    }

    [Fact]
    public void BinaryFileWithNulBytesIsRejected()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var random = new byte[4096];
        new Random(20221121).NextBytes(random);
        var path = Write("image.txt", [.. png, .. random]);

        ShouldBeError(RawPageReader.Read(path), path, "二进制");
    }

    [Fact]
    public void BinaryFileWithManyControlCharactersIsRejected()
    {
        // No NUL bytes and valid UTF-8, but a quarter of the characters are control characters.
        var text = string.Concat(Enumerable.Repeat("报纸\u0001\u0002\u001B版面\u0007\n", 50));
        var path = WriteUtf8("controls.txt", text);

        ShouldBeError(RawPageReader.Read(path), path, "控制字符");
    }

    [Fact]
    public void BytesThatAreNeitherUtf8NorGb18030AreRejected()
    {
        // 0xFF is never valid in UTF-8 and never a GB18030 lead byte.
        var path = Write("junk.txt", [0x41, 0xFF, 0xFF, 0x42, 0x0A]);

        ShouldBeError(RawPageReader.Read(path), path, "既不是有效的 UTF-8 也不是有效的 GB18030");
    }

    [Fact]
    public void OversizedFileIsRejectedAsNotAPage()
    {
        var path = Path.Combine(_dir, "huge.txt");
        using (var stream = File.Create(path))
            stream.SetLength(RawPageReader.MaxFileBytes + 1); // sparse on most file systems

        ShouldBeError(RawPageReader.Read(path), path, "超过 20 MB");
    }

    [Fact]
    public void MissingFileIsAnErrorForThePathAsGiven()
    {
        const string path = "seeds/does-not-exist.txt";

        ShouldBeError(RawPageReader.Read(path), path, "文件不存在");
    }

    [Fact]
    public void FileInMissingFolderIsAMissingFileError()
    {
        var path = Path.Combine(_dir, "no-such-folder", "x.txt");

        ShouldBeError(RawPageReader.Read(path), path, "文件不存在");
    }

    [Fact]
    public void UnreadableFileIsReportedNotThrown()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = WriteUtf8("locked.txt", "本报讯\n");
        File.SetUnixFileMode(path, UnixFileMode.None);
        if (CanRead(path)) return; // running as root: chmod does not deny reads, nothing to check

        ShouldBeError(RawPageReader.Read(path), path, "无法读取");
    }

    [Fact]
    public void FolderPassedAsFileIsReportedAsUnreadable()
    {
        var path = Path.Combine(_dir, "folder.txt");
        Directory.CreateDirectory(path);

        ShouldBeError(RawPageReader.Read(path), path, "无法读取");
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    // ---- ListPages ----

    [Fact]
    public void ListPagesReturnsTxtFilesSortedOrdinalByName()
    {
        WriteUtf8("b.txt", "乙");
        WriteUtf8("a.txt", "甲");
        WriteUtf8("B.txt", "丙");
        WriteUtf8("10.txt", "十");
        WriteUtf8("notes.md", "不是版面");
        WriteUtf8("a.txt.bak", "备份");
        Directory.CreateDirectory(Path.Combine(_dir, "sub.txt"));

        var (files, problems) = RawPageReader.ListPages(_dir);

        problems.ShouldBeEmpty();
        files.Select(Path.GetFileName).ShouldBe(["10.txt", "B.txt", "a.txt", "b.txt"]);
        files.ShouldAllBe(f => f.StartsWith(_dir));
    }

    [Fact]
    public void ListPagesWalksSubFoldersInOrderOfTheirPathAndSkipsHiddenOnes()
    {
        WriteUtf8("b.txt", "乙");
        Directory.CreateDirectory(Path.Combine(_dir, "2024", "03", "19"));
        Directory.CreateDirectory(Path.Combine(_dir, "a"));
        Directory.CreateDirectory(Path.Combine(_dir, ".git"));
        WriteUtf8(Path.Combine("2024", "03", "19", "A2.txt"), "甲");
        WriteUtf8(Path.Combine("a", "page-01.txt"), "丙");
        WriteUtf8(Path.Combine(".git", "x.txt"), "不是版面");

        var (files, problems) = RawPageReader.ListPages(_dir);

        problems.ShouldBeEmpty();
        files.Select(f => Path.GetRelativePath(_dir, f).Replace('\\', '/')).ShouldBe(["2024/03/19/A2.txt", "a/page-01.txt", "b.txt"]);
    }

    [Fact]
    public void ListPagesOfTheSeedsFolderFindsAllSeeds()
    {
        var (files, problems) = RawPageReader.ListPages(Path.Combine(RepoRoot(), "seeds"));

        problems.ShouldBeEmpty();
        files.Count.ShouldBe(5);
        files.Select(Path.GetFileName).ShouldBe(files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MissingFolderIsAnErrorNamingTheFolder()
    {
        var folder = Path.Combine(_dir, "no-such-folder");

        var (files, problems) = RawPageReader.ListPages(folder);

        files.ShouldBeEmpty();
        var problem = problems.ShouldHaveSingleItem();
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.File.ShouldBe(folder);
        problem.Message.ShouldContain("文件夹不存在");
        problem.Message.ShouldContain(folder);
        ShouldBeEditorWording(problem.Message);
    }

    [Fact]
    public void FolderWithoutTxtFilesIsAnError()
    {
        WriteUtf8("readme.md", "说明");

        var (files, problems) = RawPageReader.ListPages(_dir);

        files.ShouldBeEmpty();
        var problem = problems.ShouldHaveSingleItem();
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.File.ShouldBe(_dir);
        problem.Message.ShouldBe("文件夹中没有 .txt 页面文件 (no .txt page files in the folder)");
    }

    [Fact]
    public void FilePassedAsFolderIsAnError()
    {
        var path = WriteUtf8("page.txt", "本报讯");

        var (files, problems) = RawPageReader.ListPages(path);

        files.ShouldBeEmpty();
        var problem = problems.ShouldHaveSingleItem();
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Message.ShouldContain("不是文件夹");
    }

    [Fact]
    public void UnreadableFolderIsAnError()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = Path.Combine(_dir, "locked");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "x.txt"), "本报讯");
        File.SetUnixFileMode(folder, UnixFileMode.None);
        try
        {
            Directory.EnumerateFiles(folder).ToList();
            return; // running as root: chmod does not deny reads, nothing to check
        }
        catch (UnauthorizedAccessException)
        {
        }

        var (files, problems) = RawPageReader.ListPages(folder);

        files.ShouldBeEmpty();
        var problem = problems.ShouldHaveSingleItem();
        problem.Severity.ShouldBe(ProblemSeverity.Error);
        problem.Message.ShouldContain("无法读取文件夹");
    }
}
