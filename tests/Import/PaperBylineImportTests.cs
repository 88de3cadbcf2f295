using Baoku.Tests.Support;

namespace Baoku.Tests.Import;

/// <summary>
/// The page's paper profile reaches the byline parser, and the credits reach the front-matter (invented page and names).
/// </summary>
public class PaperBylineImportTests
{
    const string Page = """
        溪城举办首届茶文化节

        今日溪城讯（特邀撰稿 邵明远）3月5日，溪城首届茶文化节在城南茶园开幕，来自各地的茶商和游客齐聚一堂，共品今年的第一批新茶。

        活动持续三天，设有制茶体验、茶艺表演、茶器展销等环节，预计接待游客两万人次，带动茶农增收。

        来源：溪城区委宣传部

        编辑：柯思齐
        """;

    static ImportSandbox Sandbox()
    {
        var s = new ImportSandbox();
        var yml = File.ReadAllText(s.SiteYml).Replace("papers:\n",
            "papers:\n  - name: 今日溪城\n    files: [\"xc_*.txt\"]\n    lead_prefixes: [今日溪城]\n    roles: [特邀撰稿]\n");
        File.WriteAllText(s.SiteYml, yml);
        return s;
    }

    [Fact]
    public void ThePapersOwnLeadAndRoleAreReadAndCreditsGoToTheFrontMatter()
    {
        using var s = Sandbox();
        s.WriteSeed("xc_01.txt", Page);
        var r = s.Run();
        r.Problems.ShouldBeEmpty();
        var fm = r.Articles.ShouldHaveSingleItem().FrontMatter;
        fm.Authors.ShouldBe(["邵明远"]);
        fm.Editors.ShouldBe(["柯思齐"]);
        fm.Origin.ShouldBe("溪城区委宣传部");
        fm.Byline.ShouldBe("今日溪城讯（特邀撰稿 邵明远） 来源：溪城区委宣传部 编辑：柯思齐");
        var file = File.ReadAllText(Path.Combine(s.Content, r.Articles[0].RelativePath));
        file.ShouldContain("editors: [柯思齐]");
        file.ShouldContain("origin: 溪城区委宣传部");
        var body = file[(file.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..];
        body.ShouldContain("活动持续三天");
        body.ShouldNotContain("来源");
        body.ShouldNotContain("编辑");
    }

    [Fact]
    public void APageTheProfileDoesNotClaimUsesTheOtherPapersWords()
    {
        using var s = Sandbox();
        s.WriteSeed("other_01.txt", Page);
        var fm = s.Run().Articles.ShouldHaveSingleItem().FrontMatter;
        fm.Authors.ShouldBeEmpty();
        fm.Editors.ShouldBe(["柯思齐"]);
    }
}
