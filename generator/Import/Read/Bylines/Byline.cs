namespace Baoku.Import.Read;

/// <summary>Where a byline was printed, as far as its own form tells.</summary>
public enum BylineForm
{
    /// <summary>A line of its own (■记者 X, 记者 X 通讯员 Y 报道, 文/X 图/Y, 融媒记者 X 摄): above or under a body.</summary>
    Line,
    /// <summary>The lead of a paragraph: 本报讯（记者 X）, 本网讯 记者 X, 记者 X 文/摄 at the start of the first sentence.</summary>
    Lead,
    /// <summary>A form printed only after a body: （记者 X）, （X）, （X局）, 来源：…, 作者：…, 编辑：…, 【责任编辑:X】.</summary>
    Closing,
    /// <summary>A photo credit at the end of a caption line: “…红领巾。 记者 X 摄”, “宣讲现场（X 摄）”.</summary>
    Caption,
}

/// <summary>
/// Who wrote, photographed or edited a piece, and where it came from. <see cref="Raw"/> is the byline as printed, kept
/// so nothing is lost (a lead read from letter-spaced OCR is given with one space between role and name).
/// Authors are reporters, 通讯员 and a bare signed name; photographers are credited with 摄, 摄影 or 图; editors with
/// 编辑 or 责任编辑; <see cref="Origin"/> is a source organisation (来源：…, （X局）); <see cref="PhotoSource"/> an
/// organisation credited for the pictures (X供图).
/// </summary>
public sealed record Byline(IReadOnlyList<string> Authors, IReadOnlyList<string> Photographers, string Raw)
{
    public IReadOnlyList<string> Editors { get; init; } = [];
    public string? Origin { get; init; }
    public string? PhotoSource { get; init; }
    public BylineForm Form { get; init; } = BylineForm.Line;

    /// <summary>
    /// Its form says it is printed above its story, not under another one: a marker (■□●◆ 记者 X, ■童新宇), or a
    /// closing 报道 (记者 X 通讯员 Y 报道).
    /// </summary>
    public bool Top { get; init; }

    /// <summary>Names someone who wrote or photographed the piece (not only an editor or a source).</summary>
    public bool HasPeople => Authors.Count > 0 || Photographers.Count > 0;

    /// <summary>Names nobody and no source: a bare lead such as 本报讯.</summary>
    public bool IsEmpty => !HasPeople && Editors.Count == 0 && Origin is null && PhotoSource is null;

    /// <summary>One byline printed over several lines (记者 X / 市委报道组 Y Z / 宣传部供图).</summary>
    public Byline Merge(Byline next) => new(
        Authors.Concat(next.Authors).Distinct().ToList(),
        Photographers.Concat(next.Photographers).Distinct().ToList(),
        Raw + " " + next.Raw)
    {
        Editors = Editors.Concat(next.Editors).Distinct().ToList(),
        Origin = Origin ?? next.Origin,
        PhotoSource = PhotoSource ?? next.PhotoSource,
        Form = Form,
        Top = Top || next.Top,
    };
}
