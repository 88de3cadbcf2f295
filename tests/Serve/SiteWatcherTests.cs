using System.Collections.Concurrent;
using Baoku.Serve;

namespace Baoku.Tests.Serve;

/// <summary>The watcher behind serve: one call per burst of changes, saves by rename, the output folder ignored.</summary>
public sealed class SiteWatcherTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "baoku-watch-" + Guid.NewGuid().ToString("N"));
    readonly BlockingCollection<IReadOnlyList<string>> _calls = new();

    string Content => Path.Combine(_root, "content");
    string Templates => Path.Combine(_root, "templates");
    string SiteYml => Path.Combine(_root, "site.yml");
    string Output => Path.Combine(_root, "content", "preview");   // inside a watched folder on purpose

    public SiteWatcherTests()
    {
        Directory.CreateDirectory(Path.Combine(Content, "2023", "01"));
        Directory.CreateDirectory(Templates);
        File.WriteAllText(SiteYml, "title: x\n");
    }

    SiteWatcher Watch() => new([Content, Templates], [SiteYml], Output, TimeSpan.FromMilliseconds(200), paths => _calls.Add(paths));

    IReadOnlyList<string>? Next(double seconds = 30) => _calls.TryTake(out var paths, TimeSpan.FromSeconds(seconds)) ? paths : null;

    [Fact]
    public void ABurstOfChangesIsOneCall()
    {
        using var watcher = Watch();
        var file = Path.Combine(Content, "2023", "01", "a.md");
        for (var i = 0; i < 5; i++)
        {
            File.WriteAllText(file, "v" + i);
            Thread.Sleep(20);
        }
        var paths = Next().ShouldNotBeNull();
        paths.ShouldContain(file);
        Next(1.5).ShouldBeNull();
    }

    [Fact]
    public void ASaveThroughATemporaryFileAndRenameIsSeen()
    {
        var file = Path.Combine(Content, "2023", "01", "b.md");
        File.WriteAllText(file, "old");
        using var watcher = Watch();
        ServeSandbox.SaveLikeAnEditor(file, "new");
        Next().ShouldNotBeNull().ShouldContain(file);

        // site.yml replaced by a rename as well: the watch on it survives the first replacement
        ServeSandbox.SaveLikeAnEditor(SiteYml, "title: y\n");
        Next().ShouldNotBeNull().ShouldContain(SiteYml);
        ServeSandbox.SaveLikeAnEditor(SiteYml, "title: z\n");
        Next().ShouldNotBeNull().ShouldContain(SiteYml);
    }

    [Fact]
    public void NewFoldersTemplatesAndOnlyTheConfigurationFileCount()
    {
        using var watcher = Watch();
        Directory.CreateDirectory(Path.Combine(Content, "2024", "02"));
        Thread.Sleep(300);
        File.WriteAllText(Path.Combine(Content, "2024", "02", "c.md"), "x");
        Next().ShouldNotBeNull();
        while (Next(1) is not null) { }

        File.WriteAllText(Path.Combine(Templates, "t.sbn-html"), "x");
        Next().ShouldNotBeNull().ShouldContain(Path.Combine(Templates, "t.sbn-html"));

        File.WriteAllText(Path.Combine(_root, "notes.txt"), "not watched");
        Next(1.5).ShouldBeNull();
    }

    [Fact]
    public void TheOutputFolderAndEditorScratchFilesAreIgnored()
    {
        using var watcher = Watch();
        Directory.CreateDirectory(Path.Combine(Output, "2023"));
        File.WriteAllText(Path.Combine(Output, "2023", "index.html"), "x");
        Directory.CreateDirectory(Output + ".staging-1");
        File.WriteAllText(Path.Combine(Output + ".staging-1", "index.html"), "x");
        File.WriteAllText(Path.Combine(Content, ".a.md.swp"), "x");
        File.WriteAllText(Path.Combine(Content, "a.md~"), "x");
        Next(1.5).ShouldBeNull();
    }

    [Fact]
    public void NothingIsCalledAfterDispose()
    {
        var watcher = Watch();
        watcher.Dispose();
        File.WriteAllText(Path.Combine(Content, "d.md"), "x");
        Next(1.5).ShouldBeNull();
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}

/// <summary>The watcher's fallback when the system refuses file system watchers: a look at the files every second.</summary>
public sealed class PollingSiteWatcherTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "baoku-poll-" + Guid.NewGuid().ToString("N"));
    readonly BlockingCollection<IReadOnlyList<string>> _calls = new();

    [Fact]
    public void PollingSeesEditsNewFilesDeletionsAndTheConfigurationFile()
    {
        var content = Path.Combine(_root, "content");
        Directory.CreateDirectory(Path.Combine(content, "2023"));
        var article = Path.Combine(content, "2023", "a.md");
        File.WriteAllText(article, "old");
        var yml = Path.Combine(_root, "site.yml");
        File.WriteAllText(yml, "title: x\n");
        using var watcher = new SiteWatcher([content], [yml], Path.Combine(_root, "out"), TimeSpan.FromMilliseconds(200), paths => _calls.Add(paths), poll: true);
        watcher.Watched.ShouldBeEmpty();
        watcher.Polled.Count.ShouldBe(2);
        IReadOnlyList<string>? Next(double seconds = 30) => _calls.TryTake(out var paths, TimeSpan.FromSeconds(seconds)) ? paths : null;

        Next(2.5).ShouldBeNull();   // nothing changed: no call
        File.WriteAllText(article, "new and longer");
        Next().ShouldNotBeNull().ShouldContain(article);
        var added = Path.Combine(content, "2023", "b.md");
        File.WriteAllText(added, "x");
        Next().ShouldNotBeNull().ShouldContain(added);
        File.Delete(article);
        Next().ShouldNotBeNull().ShouldContain(article);
        ServeSandbox.SaveLikeAnEditor(yml, "title: changed\n");
        Next().ShouldNotBeNull().ShouldContain(yml);
        File.WriteAllText(Path.Combine(_root, "other.txt"), "x");
        Next(2.5).ShouldBeNull();
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }
}
