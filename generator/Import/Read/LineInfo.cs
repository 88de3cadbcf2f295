namespace Baoku.Import.Read;

/// <summary>What a raw line is, before lines are grouped.</summary>
public enum LineKind
{
    Text,          // body text or headline: decided later from the flow of lines
    ColumnLabel,   // 栏目 / page label such as 时政·要闻
    Caption,       // photo caption or photo title: ▲修补倒塌围墙, 会议现场会议现场
    PhotoCaption,  // a caption line that ends in a photo credit: “…红领巾。 记者 林群心 摄”
    PhotoCredit,   // 融媒记者 卢斌 摄 on its own line
    Byline,        // □记者 颜元滔 / 融媒记者 张曼欣 on its own line
    Ad,            // 分类信息 and the classified ads under it
    Furniture,     // page header, label, web navigation or meta, image file name, teaser (see PageFurniture)
}

/// <summary>A non-blank raw line with its cleaned text and printed width.</summary>
public sealed record LineInfo(int Number, string Raw, string Clean, double Width, bool LayoutSpaced, bool BlankBefore)
{
    public LineKind Kind { get; init; } = LineKind.Text;
    public Byline? Byline { get; init; }
    public FurnitureKind? Furniture { get; init; }

    /// <summary>Width used for column geometry: a justified (letter-spaced) line fills its column.</summary>
    public double EffectiveWidth(double column) => LayoutSpaced ? Math.Max(Width, column) : Width;
}
