using Baoku.Config;
using Baoku.Import.Assemble;
using Baoku.Import.Read;
using Baoku.Tests.Support;
using FsCheck.Xunit;

namespace Baoku.Tests.Import.Assemble;

/// <summary>
/// Properties of reading a page (issue 12): which articles come out does not depend on the order the stories are
/// printed in, on the column width the text is wrapped at, or on whether the scanner puts blank lines between lines.
/// The stories are invented, each in another paper's lead and byline style.
/// </summary>
public class AssemblyPropertyTests
{
    sealed record TestStory(string Title, string Lead, string[] Paragraphs, string? Closing);

    static readonly TestStory[] Stories =
    [
        new("城西街道新建三家共享书屋", "本报讯（记者 王小明 通讯员 李红）",
            ["3月5日，城西街道在三个社区新建共享书屋，向居民免费开放，每家书屋藏书两千余册，涵盖少儿读物和地方文献。",
             "街道负责人介绍，共享书屋由社区志愿者轮流值守，开放时间为每天上午八点至晚上八点，居民凭身份证即可借阅。"], null),
        new("南溪综合治理工程全面完工", "本网讯（记者 陈志强）",
            ["3月6日，历时两年的南溪综合治理工程全面完工，沿岸新建绿道十二公里，水质稳定达到三类标准。",
             "据了解，该工程共投入资金一点二亿元，清淤河道二十余公里，改造排污口四十六处，沿岸居民生活环境明显改善。"], null),
        new("城东农贸市场改造后重新开业", "东阳新闻网讯",
            ["3月7日，城东农贸市场完成改造重新开业，新设摊位一百二十个，顾客可以扫码查询每一种蔬菜的产地和检测结果。",
             "市场管理方表示，改造后的市场实行统一收银和电子秤联网，摊主和顾客之间的价格纠纷明显减少。"], "（记者 赵丽华）"),
        new("北山小学开设周末科技课堂", "本报讯",
            ["3月8日，北山小学周末科技课堂开课，三十余名学生在老师指导下动手组装太阳能小车和简易机器人。",
             "学校负责人说，科技课堂每周开放一次，由学校教师和高校志愿者共同授课，全年安排二十个主题。"], "■通讯员 周晓燕"),
    ];

    static IEnumerable<(string Title, string Body)> Expected =>
        Stories.Select(s => (s.Title, string.Join("\n", s.Paragraphs)));

    static RawPage Page(IEnumerable<TestStory> order, int column, bool spaced)
    {
        var b = new OcrPageBuilder(spaced);
        foreach (var s in order)
        {
            b.Display(s.Title);
            b.Paragraph(s.Lead + s.Paragraphs[0], column);
            foreach (var p in s.Paragraphs.Skip(1)) b.Paragraph(p, column);
            if (s.Closing is not null) b.Line(s.Closing);
        }
        return b.Build();
    }

    /// <summary>The same stories as text copied from a web page: a paragraph a line, blank lines between.</summary>
    static RawPage WebPage(IEnumerable<TestStory> order)
    {
        var lines = new List<string>();
        foreach (var s in order)
        {
            lines.AddRange([s.Title, "", s.Lead + s.Paragraphs[0], ""]);
            foreach (var p in s.Paragraphs.Skip(1)) lines.AddRange([p, ""]);
            if (s.Closing is not null) lines.AddRange([s.Closing, ""]);
        }
        return new RawPage("web.txt", lines.Select((t, i) => new RawLine(i + 1, t)).ToList(), []);
    }

    static IEnumerable<(string Title, string Body)> Articles(RawPage page)
    {
        var assembled = PageAssembler.Assemble(page, SiteConfig.Empty, PaperProfile.Unknown);
        return assembled.Stories.Where(s => s.Headline is not null)
            .Select(s => (HeadlineComposer.Compose(s.Headline!.Parts).Title, string.Join("\n", s.Body.Where(x => !x.IsIntertitle).Select(x => x.Text))));
    }

    [Property(MaxTest = 60)]
    public void TheStoriesComeOutWhateverTheirOrderColumnWidthAndSpacing(int seed, int columnPick, bool spaced, bool web)
    {
        int column = 10 + (int)((uint)columnPick % 15);
        var order = Stories.OrderBy(_ => 0).ToArray();
        new Random(seed).Shuffle(order);
        Articles(web ? WebPage(order) : Page(order, column, spaced)).OrderBy(a => a.Title, StringComparer.Ordinal)
            .ShouldBe(Expected.OrderBy(a => a.Title, StringComparer.Ordinal), $"web {web}, column {column}, spaced {spaced}, order {string.Join("/", order.Select(s => s.Title[..2]))}");
    }
}
