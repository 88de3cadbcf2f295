using Baoku.Site;

namespace Baoku.Tests.Site;

/// <summary>The bodies' HTML and text read back from a <see cref="BodyStore"/> are what was put in, in a file as in memory.</summary>
public sealed class BodyStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("baoku-bodystore-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly (string Html, string Text)[] Bodies =
    [
        ("<p>第一段，有<strong>加粗</strong>。</p>\n", "第一段，有加粗。"),
        ("", ""),
        ("<p>😀 surrogate pairs and \u0000 odd chars</p>", "😀 surrogate pairs"),
        (string.Concat(Enumerable.Repeat("<p>很长的正文。</p>\n", 5000)), string.Concat(Enumerable.Repeat("很长的正文。\n", 5000))),
    ];

    [Fact]
    public void A_file_store_gives_back_each_body_as_put_in_from_parallel_writers()
    {
        using var store = BodyStore.InTempFile(_dir);
        var refs = new BodyRef[400];
        Parallel.For(0, refs.Length, i => refs[i] = store.Put(Bodies[i % Bodies.Length].Html + i, Bodies[i % Bodies.Length].Text + i, "导语" + i));
        Parallel.For(0, refs.Length, i =>
        {
            store.Html(refs[i]).ShouldBe(Bodies[i % Bodies.Length].Html + i);
            store.Text(refs[i]).ShouldBe(Bodies[i % Bodies.Length].Text + i);
            store.Lead(refs[i]).ShouldBe("导语" + i);
        });
    }

    [Fact]
    public void A_file_store_leaves_no_file_behind()
    {
        var store = BodyStore.InTempFile(_dir);
        var at = store.Put("<p>甲</p>", "甲", "甲");
        // On Linux and macOS the name is gone while the store is still in use: a killed build leaves nothing.
        if (!OperatingSystem.IsWindows()) Directory.GetFiles(_dir).ShouldBeEmpty();
        store.Html(at).ShouldBe("<p>甲</p>");
        store.Dispose();
        Directory.GetFiles(_dir).ShouldBeEmpty();
    }

    [Fact]
    public void A_memory_store_gives_back_each_body_as_put_in()
    {
        using var store = BodyStore.InMemory();
        var refs = Bodies.Select(b => store.Put(b.Html, b.Text, b.Text[..Math.Min(3, b.Text.Length)])).ToList();
        for (int i = 0; i < Bodies.Length; i++)
        {
            store.Html(refs[i]).ShouldBe(Bodies[i].Html);
            store.Text(refs[i]).ShouldBe(Bodies[i].Text);
            store.Lead(refs[i]).ShouldBe(Bodies[i].Text[..Math.Min(3, Bodies[i].Text.Length)]);
        }
    }

    [Fact]
    public void A_temporary_folder_that_cannot_be_written_is_a_build_problem_not_a_crash()
    {
        var missing = Path.Combine(_dir, "no-such-folder");
        Should.Throw<ProblemException>(() => BodyStore.InTempFile(missing)).Problem.Code.ShouldBe(ProblemCodes.BodyStore);
    }
}
