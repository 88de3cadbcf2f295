using System.Text;
using Baoku.Config;
using Baoku.Content;

namespace Baoku.Tests.Content;

/// <summary>
/// The catalogue of what <see cref="ContentLoader"/> reports for one article file: every error (the article is not
/// loaded) and every warning (it is), with its severity, wording and file line. Line 1 is the opening ---, so the
/// first front-matter key is on line 2.
/// </summary>
public class ContentLoaderTests
{
    private const string Path = "2023/01/x.md";

    internal static SiteConfig Config => ContentTestSite.Config;

    /// <summary>An article whose front-matter is the given lines (line i of the array is file line i + 2).</summary>
    private static string Article(params string[] frontMatter) =>
        "---\n" + string.Concat(frontMatter.Select(l => l + "\n")) + "---\n\n正文第一段。\n";

    private static readonly string[] Minimal = ["title: 用心解难争主动", "date: 2023-01-12", "slug: x-1"];

    /// <summary>The minimal article with <paramref name="extra"/> lines after it (the first extra line is file line 5).</summary>
    private static string With(params string[] extra) => Article([.. Minimal, .. extra]);

    private static (Article? Article, IReadOnlyList<Problem> Problems) Parse(string text) => ContentLoader.Parse(Path, text, Config);

    private static Problem OnlyError(string text, int? line, params string[] mentions)
    {
        var (article, problems) = Parse(text);
        article.ShouldBeNull();
        var e = problems.ShouldHaveSingleItem();
        e.Severity.ShouldBe(ProblemSeverity.Error);
        e.File.ShouldBe(Path);
        e.Line.ShouldBe(line);
        foreach (var m in mentions) e.Message.ShouldContain(m, Case.Insensitive);
        return e;
    }

    private static Problem OnlyWarning(string text, int? line, params string[] mentions)
    {
        var (article, problems) = Parse(text);
        article.ShouldNotBeNull();
        var w = problems.ShouldHaveSingleItem();
        w.Severity.ShouldBe(ProblemSeverity.Warning);
        w.Line.ShouldBe(line);
        foreach (var m in mentions) w.Message.ShouldContain(m, Case.Insensitive);
        return w;
    }

    // ───────────── a good file ─────────────

    [Fact]
    public void MinimalArticleLoadsWithoutProblems()
    {
        var (article, problems) = Parse(Article(Minimal));
        problems.ShouldBeEmpty();
        article.ShouldNotBeNull();
        article.RelativePath.ShouldBe(Path);
        article.Meta.Title.ShouldBe("用心解难争主动");
        article.Meta.Date.ShouldBe(new DateOnly(2023, 1, 12));
        article.Slug.ShouldBe("x-1");
        article.Meta.Authors.ShouldBeEmpty();
        article.Meta.Draft.ShouldBeFalse();
        article.Markdown.ShouldBe("\n正文第一段。\n");
        article.BodyStartLine.ShouldBe(6);
    }

    [Fact]
    public void EveryDocumentedFieldIsRead()
    {
        var (article, problems) = Parse("""
            ---
            title: 用心解难争主动 助企发展抢先机
            kicker: 章旭升在开展“四大双千”活动时指出
            subtitle: 副题
            date: 2023-01-12
            date_confidence: high
            date_evidence:
              - 报道日期 1月11日 → 次日见报
              - “对2023年发展充满信心” → 2023
            authors: [陈晓苏]
            photographers: [吴延炜]
            byline: 本报讯（融媒首席记者陈晓苏）
            column: 时政·要闻
            campaigns: [四大双千]
            campaign_evidence:
              四大双千: [四大双千×2, 大走访大调研大服务大解题×1]
            tags: [营商环境]
            people: [章旭升, 李浩锋]
            roles:
              章旭升: 市委书记
            orgs: [经济开发区]
            source:
              file: 001_37e48254b797af22.txt
              lines: 16-163
              page: 第5版 开发区专版
            slug: 20230112-1a2b3c4d
            aliases: [2023/01/old-name/, /news/12345.html]
            draft: true
            ---

            1月11日下午，市委书记章旭升深入经济开发区企业。
            """);
        problems.ShouldBeEmpty();
        var m = article.ShouldNotBeNull().Meta;
        m.Title.ShouldBe("用心解难争主动 助企发展抢先机");
        m.Kicker.ShouldBe("章旭升在开展“四大双千”活动时指出");
        m.Subtitle.ShouldBe("副题");
        m.Date.ShouldBe(new DateOnly(2023, 1, 12));
        m.DateConfidence.ShouldBe("high");
        m.DateEvidence.ShouldBe(["报道日期 1月11日 → 次日见报", "“对2023年发展充满信心” → 2023"]);
        m.Authors.ShouldBe(["陈晓苏"]);
        m.Photographers.ShouldBe(["吴延炜"]);
        m.Byline.ShouldBe("本报讯（融媒首席记者陈晓苏）");
        m.Column.ShouldBe("时政·要闻");
        m.Campaigns.ShouldBe(["四大双千"]);
        m.CampaignEvidence.ShouldHaveSingleItem().Key.ShouldBe("四大双千");
        m.CampaignEvidence[0].Value.ShouldBe(["四大双千×2", "大走访大调研大服务大解题×1"]);
        m.Tags.ShouldBe(["营商环境"]);
        m.People.ShouldBe(["章旭升", "李浩锋"]);
        m.Roles.ShouldBe([new KeyValuePair<string, string>("章旭升", "市委书记")]);
        m.Orgs.ShouldBe(["经济开发区"]);
        m.Source.ShouldBe(new SourceInfo("001_37e48254b797af22.txt", "16-163", "第5版 开发区专版"));
        m.Slug.ShouldBe("20230112-1a2b3c4d");
        m.Aliases.ShouldBe(["2023/01/old-name/", "news/12345.html"]);
        m.Draft.ShouldBeTrue();
        article.Markdown.ShouldBe("\n1月11日下午，市委书记章旭升深入经济开发区企业。");
        article.BodyStartLine.ShouldBe(30);
    }

    [Fact]
    public void WhatTheWriterWritesReadsBackTheSame()
    {
        var fm = new ArticleFrontMatter
        {
            Title = "2023: 开局", Kicker = "- 引题", Date = new DateOnly(2022, 11, 22), DateConfidence = "low",
            DateEvidence = ["a: b"], Authors = ["潘燕佳", "[记者]"], Campaigns = ["二十大学习"],
            CampaignEvidence = [new("二十大学习", ["党的二十大×2"])], Roles = [new("胡文建", "副市长")],
            Source = new SourceInfo("000_x.txt", "1-20", null), Slug = "20221122-abc", Aliases = ["2022/11/old/"],
        };
        BodyBlock[] body = [new BodyBlock(false, "正文。"), new BodyBlock(true, "小标题")];
        var text = ArticleWriter.Render(fm, body);
        var (article, problems) = Parse(text);
        problems.ShouldBeEmpty();
        ArticleWriter.Render(article.ShouldNotBeNull().Meta, body).ShouldBe(text);
        article.Meta.Title.ShouldBe("2023: 开局");
        article.Meta.Authors.ShouldBe(["潘燕佳", "[记者]"]);
        article.Markdown.ShouldBe("\n正文。\n\n## 小标题\n");
    }

    [Fact]
    public void ListFieldsAcceptOneScalarTrimDropEmptyItemsAndRemoveRepeats()
    {
        var (article, problems) = Parse(With("authors: 陈晓苏", "tags: [ 营商环境 , 营商环境, '', 科技创新]", "people:", "  - 章旭升", "  -", "  - ' 章旭升 '"));
        problems.ShouldBeEmpty();
        var m = article.ShouldNotBeNull().Meta;
        m.Authors.ShouldBe(["陈晓苏"]);
        m.Tags.ShouldBe(["营商环境", "科技创新"]);
        m.People.ShouldBe(["章旭升"]);
    }

    [Fact]
    public void DatesMayBeQuotedStringsAndTextIsTrimmed()
    {
        var (article, problems) = Parse(Article("title: '  标题  '", "date: \"2024-02-29\"", "slug: x-1", "kicker: ' 引题 '"));
        problems.ShouldBeEmpty();
        article.ShouldNotBeNull().Meta.Date.ShouldBe(new DateOnly(2024, 2, 29));
        article.Meta.Title.ShouldBe("标题");
        article.Meta.Kicker.ShouldBe("引题");
    }

    [Fact]
    public void SlugDefaultsToTheFileName()
    {
        var (article, problems) = Parse(Article("title: 标题", "date: 2023-01-12"));
        problems.ShouldBeEmpty();
        article.ShouldNotBeNull().Slug.ShouldBe("x");
        article.Meta.Slug.ShouldBeNull();
    }

    [Fact]
    public void CrlfAndBomAreAcceptedAndTheBodyHasLfLineEnds()
    {
        var text = "\uFEFF" + With("authors: [甲]").Replace("\n", "\r\n") + "第二段。\r\n";
        var (article, problems) = Parse(text);
        problems.ShouldBeEmpty();
        article.ShouldNotBeNull().Meta.Authors.ShouldBe(["甲"]);
        article.Markdown.ShouldBe("\n正文第一段。\n第二段。\n");
        article.BodyStartLine.ShouldBe(7);
    }

    [Fact]
    public void DelimiterLinesMayHaveTrailingSpacesAndTheFileMayEndAtTheClosingLine()
    {
        var (article, problems) = Parse("--- \ntitle: 标题\ndate: 2023-01-12\n---\t\n正文\n");
        problems.ShouldBeEmpty();
        article.ShouldNotBeNull().Markdown.ShouldBe("正文\n");
        article.BodyStartLine.ShouldBe(5);

        var (noBody, p2) = Parse("---\ntitle: 标题\ndate: 2023-01-12\n---");
        noBody.ShouldNotBeNull().Markdown.ShouldBe("");
        p2.ShouldHaveSingleItem().Severity.ShouldBe(ProblemSeverity.Warning);
    }

    /// <summary>Load reads bytes (front-matter and body decoded apart); Parse(text) takes a string: both must agree.</summary>
    [Theory]
    [InlineData("---\ntitle: 标题\ndate: 2023-01-12\nslug: x-1\nauthors: 甲\n---\n\n正文。\n<b>粗</b>\n")]
    [InlineData("---\ntitle: 标题\ndate: 2023-01-12\n---")]
    [InlineData("---\ntitle: 标题\ndate: 2023-01-12\n---\n")]
    [InlineData("---\ntitle: |\n  第一行\n  第二行\ndate: 2023-01-12\nkicker: >\n  折叠\n  文字\n---\n正文\n")]
    [InlineData("---\n---\n正文\n")]
    [InlineData("---\ntitle: 标题\n")]
    [InlineData("--- \ntitle: 标题\ndate: 2023-02-30\n---  \n\n\n")]
    [InlineData("  \n\n")]
    [InlineData("\n---\ntitle: 标题\n---\n")]
    [InlineData("---\ntitle: [甲\n---\n")]
    public void ParsingBytesAndParsingTextAgreeWithLfAndCrlf(string text)
    {
        foreach (var t in new[] { text, text.Replace("\n", "\r\n") })
        {
            var fromText = Parse(t);
            var fromBytes = ContentLoader.Parse(Path, Encoding.UTF8.GetBytes(t), Config);
            fromBytes.Problems.ShouldBe(fromText.Problems);
            (fromBytes.Article is null).ShouldBe(fromText.Article is null);
            if (fromText.Article is { } a)
            {
                fromBytes.Article!.Markdown.ShouldBe(a.Markdown);
                fromBytes.Article.BodyStartLine.ShouldBe(a.BodyStartLine);
                fromBytes.Article.Meta.Title.ShouldBe(a.Meta.Title);
                fromBytes.Article.Meta.Kicker.ShouldBe(a.Meta.Kicker);
                a.Markdown.ShouldNotContain("\r");
            }
        }
    }

    // ───────────── errors: the file ─────────────

    [Fact]
    public void NotUtf8IsAnErrorOnTheLineOfTheFirstBadByte()
    {
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: 标题\ndate: 2023-01-12\nkicker: ")
            .Concat(new byte[] { 0xD6, 0xD0, 0xCE, 0xC4, (byte)'\n' }) // 中文 in GB18030
            .Concat(Encoding.UTF8.GetBytes("---\n\n正文\n")).ToArray();
        var (article, problems) = ContentLoader.Parse(Path, bytes, Config);
        article.ShouldBeNull();
        var e = problems.ShouldHaveSingleItem();
        e.Severity.ShouldBe(ProblemSeverity.Error);
        e.Line.ShouldBe(4);
        e.Message.ShouldContain("不是 UTF-8 编码");
        e.Message.ShouldContain("not UTF-8");
    }

    [Fact]
    public void Utf16IsAnErrorThatSaysUtf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(With())).ToArray();
        var (article, problems) = ContentLoader.Parse(Path, bytes, Config);
        article.ShouldBeNull();
        var e = problems.ShouldHaveSingleItem();
        e.Severity.ShouldBe(ProblemSeverity.Error);
        e.Line.ShouldBe(1);
        e.Message.ShouldContain("不是 UTF-8 编码");
        e.Message.ShouldContain("UTF-16");
    }

    [Fact]
    public void NulBytesAreAnError()
    {
        var bytes = Encoding.UTF8.GetBytes(With()).Append((byte)0).ToArray();
        var (article, problems) = ContentLoader.Parse(Path, bytes, Config);
        article.ShouldBeNull();
        problems.ShouldHaveSingleItem().Message.ShouldContain("NUL");
        problems[0].Line.ShouldBe(8);
    }

    [Fact]
    public void Utf8BomBytesAreFine()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(With())).ToArray();
        var (article, problems) = ContentLoader.Parse(Path, bytes, Config);
        problems.ShouldBeEmpty();
        article.ShouldNotBeNull().Meta.Title.ShouldBe("用心解难争主动");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\n  ")]
    [InlineData("\uFEFF\r\n")]
    public void EmptyOrWhitespaceOnlyFileIsAnError(string text) => OnlyError(text, null, "文件是空的", "empty");

    [Fact]
    public void NoFrontMatterIsAnErrorOnLine1() =>
        OnlyError("用心解难争主动\n\n正文\n", 1, "没有 front-matter", "first line must be ---");

    [Fact]
    public void BlankLineBeforeTheFrontMatterIsAnErrorThatSaysSo() =>
        OnlyError("\n" + With(), 1, "开头有空行", "starts with a blank line");

    [Fact]
    public void TomlFrontMatterIsAnError() =>
        OnlyError("+++\ntitle = \"x\"\n+++\n", 1, "TOML", "not supported");

    [Fact]
    public void UnterminatedFrontMatterIsAnError() =>
        OnlyError("---\ntitle: 标题\ndate: 2023-01-12\n\n正文\n", 1, "没有结束", "not closed");

    [Fact]
    public void MalformedYamlIsAnErrorOnTheLineYamlDotNetReports() =>
        OnlyError(With("kicker: \"未闭合的引号", "authors: [甲]"), 5, "YAML 格式错误", "malformed YAML");

    [Fact]
    public void UnclosedFlowListIsAnError()
    {
        var (article, problems) = Parse(With("authors: [甲, 乙", "tags: [营商环境]"));
        article.ShouldBeNull();
        var e = problems.ShouldHaveSingleItem();
        e.Severity.ShouldBe(ProblemSeverity.Error);
        e.Message.ShouldContain("YAML");
        e.Line.ShouldNotBeNull().ShouldBeInRange(5, 6);
    }

    [Fact]
    public void DuplicateKeyIsAnError() =>
        OnlyError(With("title: 另一个标题"), 5, "YAML", "title");

    [Fact]
    public void FrontMatterThatIsAListIsAnError() =>
        OnlyError(Article("- title", "- date"), 2, "映射", "must be a mapping");

    [Fact]
    public void FrontMatterThatIsOneScalarIsAnError() =>
        OnlyError(Article("用心解难争主动"), 2, "映射", "must be a mapping");

    [Fact]
    public void EmptyFrontMatterIsAnError() =>
        OnlyError(Article(), 1, "front-matter 是空的", "title and date");

    // ───────────── errors: required fields ─────────────

    [Fact]
    public void MissingTitleIsAnError() =>
        OnlyError(Article("date: 2023-01-12", "slug: x-1"), 1, "缺少 title", "title is missing");

    [Theory]
    [InlineData("title:")]
    [InlineData("title: ''")]
    [InlineData("title: '   '")]
    [InlineData("title: ~")]
    public void EmptyTitleIsAnErrorOnItsLine(string line) =>
        OnlyError(Article("date: 2023-01-12", line), 3, "title（标题）是空的", "title is empty");

    [Fact]
    public void TitleThatIsAListIsAnError() =>
        OnlyError(Article("date: 2023-01-12", "title: [甲, 乙]"), 3, "应该是一段文字", "title must be text");

    [Fact]
    public void MissingDateIsAnError() =>
        OnlyError(Article("title: 标题", "slug: x-1"), 1, "缺少 date", "date is missing");

    [Theory]
    [InlineData("2023-02-30")]
    [InlineData("2023/01/12")]
    [InlineData("2023-1-12")]
    [InlineData("12 Jan 2023")]
    [InlineData("2023-01-12T08:00:00")]
    public void DateThatIsNotAValidYyyyMmDdIsAnErrorNamingIt(string date) =>
        OnlyError(Article("title: 标题", $"date: {date}"), 3, "不是有效日期", date, "2022-11-22");

    [Fact]
    public void EmptyDateIsAnError() =>
        OnlyError(Article("title: 标题", "date:"), 3, "date（日期）是空的", "date is empty");

    // ───────────── errors: site.yml, slug ─────────────

    [Fact]
    public void CampaignNotDefinedInSiteYmlIsAnErrorListingTheKnownOnes() =>
        OnlyError(With("campaigns: [四大双千, 共同富裕]"), 5, "专题“共同富裕”没有在 site.yml 里定义", "二十大学习、清廉民企、四大双千",
            "campaign '共同富裕' is not defined in site.yml");

    [Theory]
    [InlineData("Hello-World")]
    [InlineData("用心解难")]
    [InlineData("-leading-hyphen")]
    [InlineData("a_b")]
    [InlineData("a.b")]
    public void SlugWithOtherCharactersIsAnError(string slug) =>
        OnlyError(Article("title: 标题", "date: 2023-01-12", $"slug: '{slug}'"), 4, "slug", slug, "lower-case ASCII letters, digits and hyphens");

    [Fact]
    public void SlugLongerThan100CharactersIsAnError() =>
        OnlyError(Article("title: 标题", "date: 2023-01-12", "slug: " + new string('a', 101)), 4, "最多 100 个字符", "at most 100");

    [Theory]
    [InlineData("../../etc")]
    [InlineData("a/b")]
    [InlineData("a\\\\b")]
    [InlineData("..")]
    public void SlugThatTriesToLeaveTheOutputFolderIsAnErrorThatSaysSo(string slug) =>
        OnlyError(Article("title: 标题", "date: 2023-01-12", $"slug: \"{slug}\""), 4, "会跳出输出文件夹", "would leave the output folder");

    [Fact]
    public void NoSlugAndAFileNameThatIsNoSlugIsAnError()
    {
        var (article, problems) = ContentLoader.Parse("2023/01/用心解难 争主动.md", Article("title: 标题", "date: 2023-01-12"), Config);
        article.ShouldBeNull();
        var e = problems.ShouldHaveSingleItem();
        e.Severity.ShouldBe(ProblemSeverity.Error);
        e.Message.ShouldContain("没有 slug");
        e.Message.ShouldContain("add a slug");
    }

    // ───────────── errors: wrong types ─────────────

    [Theory]
    [InlineData("authors")]
    [InlineData("photographers")]
    [InlineData("campaigns")]
    [InlineData("tags")]
    [InlineData("people")]
    [InlineData("orgs")]
    [InlineData("date_evidence")]
    [InlineData("aliases")]
    public void ListFieldGivenAsAMappingIsAnError(string key) =>
        OnlyError(With($"{key}: {{ 甲: 乙 }}"), 5, $"{key}", "应该是列表", $"{key} must be a list");

    [Fact]
    public void ListItemThatIsAFlowPairIsAnErrorOnItsLine() =>
        OnlyError(With("tags: [营商环境]", "people: [章旭升, 胡文建: 副市长]"), 6, "每一项都应该是一段文字", "each item of people must be text");

    [Fact]
    public void ListItemThatIsAMappingIsAnError() =>
        OnlyError(With("people:", "  - 章旭升", "  - 胡文建: 副市长"), 7, "每一项都应该是一段文字", "each item of people must be text");

    [Theory]
    [InlineData("source", "001.txt")]
    [InlineData("roles", "市委书记")]
    [InlineData("campaign_evidence", "四大双千×2")]
    public void ScalarWhereAMappingIsExpectedIsAnError(string key, string value) =>
        OnlyError(With($"{key}: {value}"), 5, $"{key}", "映射", $"{key}", "must be a mapping");

    [Fact]
    public void SourceGivenAsAListIsAnError() =>
        OnlyError(With("source: [001.txt, 1-20]"), 5, "source", "must be a mapping");

    [Fact]
    public void RoleThatIsAListIsAnError() =>
        OnlyError(With("roles:", "  章旭升: [市委书记, 市长]"), 6, "章旭升", "must be text");

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("否")]
    [InlineData("[true]")]
    public void DraftThatIsNotTrueOrFalseIsAnError(string value) =>
        OnlyError(With($"draft: {value}"), 5, "draft（草稿）只能写 true 或 false", "draft must be true or false");

    [Fact]
    public void TextFieldGivenAsAListIsAnError() =>
        OnlyError(With("kicker: [引题一, 引题二]"), 5, "kicker（引题）应该是一段文字", "kicker must be text");

    // ───────────── errors: aliases ─────────────

    [Theory]
    [InlineData("https://example.org/2022/11/old/")]
    [InlineData("//example.org/old/")]
    [InlineData("javascript:alert(1)")]
    public void AliasThatIsAFullUrlIsAnError(string alias) =>
        OnlyError(With($"aliases: ['{alias}']"), 5, "必须是站内路径", "not a full URL");

    [Theory]
    [InlineData("../outside/")]
    [InlineData("2022/../../outside")]
    [InlineData("/2022/11/..")]
    public void AliasThatLeavesTheSiteIsAnError(string alias) =>
        OnlyError(With($"aliases: ['{alias}']"), 5, "会跳出输出文件夹", "would leave the output folder");

    [Fact]
    public void AliasWithABackslashIsAnError() =>
        OnlyError(With(@"aliases: ['2022\11\old\']"), 5, "反斜杠", "backslashes");

    [Fact]
    public void AliasWithAControlCharacterIsAnError() =>
        OnlyError(With("aliases: [\"2022/11/old\\tname/\"]"), 5, "控制字符", "control characters");

    [Theory]
    [InlineData("2022/11/old name/")]
    [InlineData("old.php?id=3")]
    [InlineData("old#top")]
    public void AliasWithCharactersNotAllowedInAPathIsAnError(string alias) =>
        OnlyError(With($"aliases: ['{alias}']"), 5, "不能用在路径里的字符", "not allowed in a path");

    [Fact]
    public void AliasThatIsTheHomePageIsAnError() =>
        OnlyError(With("aliases: [/]"), 5, "首页", "home page");

    [Fact]
    public void AliasWithALeadingSlashLosesIt()
    {
        var (article, problems) = Parse(With("aliases:", "  - /2022/11/old-name/", "  - 2022/11/old-name/", "  - news/12345.html"));
        problems.ShouldBeEmpty();
        article.ShouldNotBeNull().Meta.Aliases.ShouldBe(["2022/11/old-name/", "news/12345.html"]);
    }

    [Fact]
    public void AliasThatIsTheArticlesOwnUrlIsIgnoredWithAWarning()
    {
        var w = OnlyWarning(With("aliases: [/2023/01/x-1/, 2022/11/old/]"), 5, "自己的网址", "own URL");
        Parse(With("aliases: [/2023/01/x-1/, 2022/11/old/]")).Article!.Meta.Aliases.ShouldBe(["2022/11/old/"]);
        w.Message.ShouldContain("ignored");
    }

    // ───────────── warnings ─────────────

    [Fact]
    public void UnknownKeyIsAWarningNamingItAndTheArticleLoads() =>
        OnlyWarning(With("weight: 3"), 5, "front-matter 里有不认识的键“weight”", "unknown key 'weight'", "title, kicker");

    [Fact]
    public void EachUnknownKeyGetsItsOwnWarning()
    {
        var (article, problems) = Parse(With("weight: 3", "tags: []", "lastmod: 2023-01-13"));
        article.ShouldNotBeNull();
        problems.Select(p => (p.Severity, p.Line)).ShouldBe([(ProblemSeverity.Warning, 5), (ProblemSeverity.Warning, 7)]);
        problems[1].Message.ShouldContain("lastmod");
    }

    [Fact]
    public void UnknownKeyInSourceIsAWarning() =>
        OnlyWarning(With("source:", "  file: 001.txt", "  lines: 1-20", "  edition: A"), 8, "edition", "unknown key");

    [Fact]
    public void ColumnNotInSiteYmlIsAWarningListingTheKnownOnes() =>
        OnlyWarning(With("column: 文化·教育"), 5, "栏目“文化·教育”不在 site.yml 的 columns 里", "二十大精神在基层、时政·要闻",
            "column '文化·教育' is not listed under columns in site.yml");

    [Fact]
    public void UnknownDateConfidenceIsAWarning() =>
        OnlyWarning(With("date_confidence: certain"), 5, "certain", "explicit, high, medium or low");

    [Fact]
    public void EmptyBodyIsAWarningOnTheClosingLine() =>
        OnlyWarning(Article(Minimal).Replace("\n正文第一段。\n", "\n  \n\n"), 5, "正文是空的", "no body text");

    [Fact]
    public void RawHtmlInTheBodyIsAWarningOnItsLine() =>
        OnlyWarning(With() + "\n第二段<div class=\"x\">加粗</div>。\n", 9, "HTML 标签 <div>", "raw HTML <div> in the body will be shown as text");

    [Fact]
    public void HtmlAfterAnUnclosedBacktickIsStillAWarning() =>
        OnlyWarning(With() + "单个 ` 反引号 <i>斜体</i>\n", 8, "<i>");

    [Fact]
    public void HtmlCommentInTheBodyIsAWarning() =>
        OnlyWarning(With() + "<!-- 编者注 -->\n", 8, "HTML", "will be shown as text");

    [Fact]
    public void ScriptInTheBodyIsAWarningThatSaysItWillNotRun() =>
        OnlyWarning(With() + "\n\n<SCRIPT>alert(1)</SCRIPT>\n", 10, "<script>", "will not run", "shown as text");

    [Fact]
    public void HtmlInAFieldIsAWarningOnTheFieldsLine() =>
        OnlyWarning(Article("date: 2023-01-12", "slug: x-1", "title: 标题<script>alert(1)</script>"), 4, "title（标题）里有 HTML 标签 <script>",
            "raw HTML <script> in title will be shown as text");

    [Fact]
    public void HtmlInAListItemIsAWarning() =>
        OnlyWarning(With("people: [章旭升, <b>李浩锋</b>]"), 5, "people", "<b>");

    [Theory]
    [InlineData("[点这里](javascript:alert(1))", "javascript")]
    [InlineData("[点这里]( JavaScript:alert(1))", "javascript")]
    [InlineData("![图](data:image/svg+xml;base64,PHN2Zz4=)", "data")]
    [InlineData("[点这里](<vbscript:msgbox>)", "vbscript")]
    [InlineData("<javascript:alert(1)>", "javascript")]
    [InlineData("[x]: javascript:alert(1)", "javascript")]
    public void UnsafeLinkInTheBodyIsAWarningThatTheLinkWillBeRemoved(string markdown, string scheme) =>
        OnlyWarning(With() + "\n" + markdown + "\n", 9, $"不安全的 {scheme}:", $"unsafe {scheme}: link", "link will be removed");

    [Theory]
    [InlineData("相关报道：[标题](/2023/01/x-2/)")]
    [InlineData("见 <https://example.org/a>，或写信到 <editor@example.org>。")]
    [InlineData("用 `<div>` 和 `[x](javascript:y)` 举例。")]
    [InlineData("用 ``代码里有 ` 和 <b>`` 举例。")]
    [InlineData("价格 3<5 元，a < b。")]
    [InlineData("\\<div> 已转义。")]
    [InlineData("> 引用\n\n- 列表项\n\n## 小标题")]
    [InlineData("```html\n<div>代码</div>\n```")]
    [InlineData("〈书名〉《报名》")]
    public void MarkdownThatIsNotRawHtmlOrAnUnsafeLinkGivesNoWarning(string markdown)
    {
        var (article, problems) = Parse(With() + "\n" + markdown + "\n");
        problems.ShouldBeEmpty();
        article.ShouldNotBeNull();
    }

    // ───────────── several problems ─────────────

    [Fact]
    public void AllProblemsOfAFileAreReportedInLineOrder()
    {
        var (article, problems) = Parse(Article("weight: 1", "date: 2023-02-30", "campaigns: [无此专题]", "draft: maybe") + "<b>x</b>\n");
        article.ShouldBeNull();
        problems.Select(p => (p.Line, p.Severity)).ShouldBe([
            (1, ProblemSeverity.Error),        // no title
            (2, ProblemSeverity.Warning),      // weight
            (3, ProblemSeverity.Error),        // date
            (4, ProblemSeverity.Error),        // campaign
            (5, ProblemSeverity.Error),        // draft
            (9, ProblemSeverity.Warning),      // <b>
        ]);
    }
}
