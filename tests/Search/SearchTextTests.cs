using Baoku.Search;
using FsCheck;
using FsCheck.Fluent;

namespace Baoku.Tests.Search;

public class SearchTextTests
{
    [Theory]
    [InlineData("５Ｇ", "5g")]
    [InlineData("ＡＢＣ abc", "abcabc")]
    [InlineData("世界 五金，之都", "世界五金之都")]
    [InlineData("“清廉民企”建设", "清廉民企建设")]
    [InlineData("①号", "1号")]
    [InlineData("2023年1月", "2023年1月")]
    [InlineData("⋯⋯·——", "")]
    [InlineData("Ⅻ", "xii")]
    public void Normalize_ignores_width_case_punctuation_and_spaces(string text, string expected) =>
        SearchText.Normalize(text).ShouldBe(expected);

    [Fact]
    public void Terms_split_at_ascii_and_full_width_spaces_and_drop_empty_and_repeated_terms() =>
        SearchText.Terms("清廉　民企  清廉 ，  ５G").ShouldBe(["清廉", "民企", "5g"]);

    [Fact]
    public void Fnv1a_matches_the_published_test_vectors()
    {
        SearchText.Fnv1a("").ShouldBe(2166136261u);
        SearchText.Fnv1a("a").ShouldBe(0xe40c292cu);
        SearchText.Fnv1a("foobar").ShouldBe(0xbf9cf968u);
    }

    [Fact]
    public void Normalising_twice_changes_nothing() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements("清廉Ａａ５5 ，。①㍿ⅫİΣς\u3000·\U00020000".EnumerateRunes().Select(r => r.ToString()).ToArray()))
            .Select(string.Concat).ToArbitrary(),
            s => SearchText.Normalize(SearchText.Normalize(s)) == SearchText.Normalize(s)).QuickCheckThrowOnFailure();
}

public class CharVarintTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(31, "f")]
    [InlineData(32, "gB")]
    [InlineData(1023, "_f")]
    [InlineData(1024, "ggB")]
    public void Known_values_encode_as_documented(int value, string expected)
    {
        var sb = new System.Text.StringBuilder();
        CharVarint.Write(sb, value);
        sb.ToString().ShouldBe(expected);
    }

    [Fact]
    public void Every_non_negative_sequence_reads_back_as_written() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, int.MaxValue)).ToArbitrary(), values =>
        {
            var positive = values.Select(v => v == int.MinValue ? 0 : Math.Abs(v)).ToArray();
            var sb = new System.Text.StringBuilder();
            foreach (var v in positive) CharVarint.Write(sb, v);
            var text = sb.ToString();
            int at = 0;
            var back = positive.Select(_ => CharVarint.Read(text, ref at)).ToArray();
            return back.SequenceEqual(positive) && at == text.Length;
        }).QuickCheckThrowOnFailure();
}
