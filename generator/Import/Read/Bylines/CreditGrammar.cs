namespace Baoku.Import.Read;

/// <summary>
/// What a run of credits says. <see cref="NsEnd"/> is where the credits end (non-space characters from the start of
/// the text); <see cref="Trailer"/> the verb that closed them (报道, 摄, 文/摄), if any; <see cref="Bare"/> whether they are
/// names and nothing else (■童新宇, （吴佳琪）); <see cref="Labelled"/> whether a label such as 来源：, 作者：, 编辑：
/// was used, a form printed after a body.
/// </summary>
internal sealed record Credits(Byline Byline, int NsEnd, string? Trailer, bool Bare, bool Labelled, IReadOnlyList<Piece> Pieces);

/// <summary>
/// The grammar of credits, shared by leads, byline lines and caption credits:
/// <code>
/// credits  := item+ trailer?
/// item     := role names                      记者 X Y, 本报记者赵伟龙, 慈溪市委报道组 X Y
///           | label [：] [role] names          作者：记者 X, 编辑：X, 责任编辑:X, 摄影 X, 编辑 X
///           | 来源 ： text                     来源：宁波高新区办公室
///           | (文|图|摄) / names               文/X, 图/Y
///           | names / (文|图|摄)               X/文, Y/图
///           | names (摄|摄影|报道|供图)          X 摄, X供图
///           | org (供图|供稿)                  市委宣传部供图
/// trailer  := 报道 | 采写 | 摄 | 摄影 | 文/摄 | 文/图   applies to the role groups before it
/// </code>
/// In <em>prefix</em> mode (a lead without brackets: 本报讯 记者 X 通讯员 Y 正文…) the credits may be followed by other
/// text; a name after the first one of a group must then start with a surname, so that the body is not read as a name.
/// </summary>
internal static class CreditGrammar
{
    sealed class Group(List<string> names, CreditKind kind, bool fromRole)
    {
        public List<string> Names { get; } = names;
        public CreditKind Kind { get; set; } = kind;
        public bool FromRole { get; } = fromRole;
        public bool Verbed { get; set; } = !fromRole;
    }

    public static Credits? Parse(IReadOnlyList<Token> tokens, BylineWords words, bool prefix)
    {
        var pieces = CreditPieces.Expand(tokens, words);
        var groups = new List<Group>();
        string? origin = null, photoSource = null;
        string? trailer = null;
        bool labelled = false, bare = false;
        int i = 0, good = 0;

        while (i < pieces.Count)
        {
            if (!Item(pieces, ref i, words, prefix, groups, ref origin, ref photoSource, ref trailer, ref labelled, ref bare))
            {
                if (!prefix) return null;
                break;
            }
            good = i;
        }
        if (prefix) pieces = pieces.Take(good).ToList();
        if (groups.Count == 0 && origin is null && photoSource is null) return null;
        if (bare && groups.Count > 1) return null;

        List<string> Of(params CreditKind[] kinds) => groups.Where(g => kinds.Contains(g.Kind)).SelectMany(g => g.Names).Distinct().ToList();
        var byline = new Byline(Of(CreditKind.Author, CreditKind.Both), Of(CreditKind.Photo, CreditKind.Both), "")
        {
            Editors = Of(CreditKind.Editor),
            Origin = origin,
            PhotoSource = photoSource,
        };
        int nsEnd = good > 0 ? pieces[good - 1].NsEnd : 0;
        return new Credits(byline, nsEnd, trailer, bare, labelled, pieces);
    }

    /// <summary>Reads one item at <paramref name="i"/>; false when there is none (the text there is not a credit).</summary>
    static bool Item(List<Piece> p, ref int i, BylineWords words, bool prefix, List<Group> groups,
        ref string? origin, ref string? photoSource, ref string? trailer, ref bool labelled, ref bool bare)
    {
        var first = p[i];
        int at = i;
        switch (first.Kind)
        {
            case PieceKind.Role:
            {
                at++;
                var names = Names(p, ref at, words, prefix);
                if (names.Count == 0) return false;
                groups.Add(new Group(names, first.Credit == CreditKind.Photo ? CreditKind.Photo : CreditKind.Author, fromRole: true)
                    { Verbed = first.Credit == CreditKind.Photo });
                i = at;
                return true;
            }
            case PieceKind.Label:
            {
                at++;
                bool colon = At(p, at, PieceKind.Colon);
                if (colon) at++;
                if (first.Credit == CreditKind.Origin)
                {
                    if (!colon) return false;
                    var text = Text(p, ref at);
                    if (text.Length == 0) return false;
                    origin ??= text;
                    labelled = true;
                    i = at;
                    return true;
                }
                if (first.Credit == CreditKind.PhotoSource && !colon) return Trail(p, ref i, groups, CreditKind.Photo, ref trailer);
                if (first.Credit == CreditKind.Author && At(p, at, PieceKind.Role)) at++;   // 作者：记者 X
                var names = Names(p, ref at, words, prefix);
                if (names.Count == 0)
                    return first.Credit == CreditKind.Photo && !colon && Trail(p, ref i, groups, CreditKind.Photo, ref trailer);
                if (first.Credit == CreditKind.PhotoSource)
                {
                    if (names.Count == 1 && !words.IsSurnamed(names[0])) photoSource ??= names[0];
                    else groups.Add(new Group(names, CreditKind.Photo, false));
                }
                else groups.Add(new Group(names, first.Credit, false));
                labelled |= first.Credit is CreditKind.Author or CreditKind.Editor;
                i = at;
                return true;
            }
            case PieceKind.Verb:
            {
                if (first.Text is "文" or "图" or "摄" && At(p, at + 1, PieceKind.Slash))
                {
                    // 文/摄, 文/图: a trailer for the names before it, or the kind of the names after it
                    if (At(p, at + 2, PieceKind.Verb) && p[at + 2].Text is "文" or "图" or "摄")
                    {
                        at += 3;
                        var after = Names(p, ref at, words, prefix);
                        if (after.Count > 0) { groups.Add(new Group(after, CreditKind.Both, false)); i = at; return true; }
                        i = at - 1;
                        return Trail(p, ref i, groups, CreditKind.Both, ref trailer);
                    }
                    at += 2;
                    var names = Names(p, ref at, words, prefix);
                    if (names.Count == 0) return false;
                    groups.Add(new Group(names, first.Text == "文" ? CreditKind.Author : CreditKind.Photo, false));
                    i = at;
                    return true;
                }
                if (first.Text == "摄影")
                {
                    at++;
                    var names = Names(p, ref at, words, prefix);
                    if (names.Count > 0) { groups.Add(new Group(names, CreditKind.Photo, false)); i = at; return true; }
                }
                return first.Text is "报道" or "采写" or "整理" or "摄" or "摄影"
                    && Trail(p, ref i, groups, first.Credit == CreditKind.Photo ? CreditKind.Photo : CreditKind.Author, ref trailer);
            }
            case PieceKind.Name:
            case PieceKind.Word:
            {
                var names = Names(p, ref at, words, prefix);
                if (names.Count == 0)
                {
                    // 慈溪市委宣传部供图, 市纪委供稿
                    if (first.Kind == PieceKind.Word && words.IsOrgLike(first.Text) && at + 1 < p.Count
                        && p[at + 1].Kind is PieceKind.Verb or PieceKind.Label && p[at + 1].Text is "供图" or "供稿")
                    {
                        if (p[at + 1].Text == "供图") photoSource ??= first.Text; else origin ??= first.Text;
                        i = at + 2;
                        return true;
                    }
                    return false;
                }
                if (At(p, at, PieceKind.Slash) && At(p, at + 1, PieceKind.Verb) && p[at + 1].Text is "文" or "图" or "摄")
                {
                    groups.Add(new Group(names, p[at + 1].Text == "文" ? CreditKind.Author : CreditKind.Photo, false));
                    i = at + 2;
                    return true;
                }
                if (At(p, at, PieceKind.Verb) && p[at].Credit is CreditKind.Photo or CreditKind.PhotoSource or CreditKind.Author && p[at].Text != "文")
                {
                    groups.Add(new Group(names, p[at].Credit == CreditKind.Author ? CreditKind.Author : CreditKind.Photo, false));
                    i = at + 1;
                    return true;
                }
                if (At(p, at, PieceKind.Label) && p[at].Text is "供图" or "摄影")
                {
                    groups.Add(new Group(names, CreditKind.Photo, false));
                    i = at + 1;
                    return true;
                }
                if (prefix) return false;
                bare = true;
                groups.Add(new Group(names, CreditKind.Author, false));
                i = at;
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>A verb after role groups (记者 X 通讯员 Y 摄): it tells what the groups without a verb of their own did.</summary>
    static bool Trail(List<Piece> p, ref int i, List<Group> groups, CreditKind kind, ref string? trailer)
    {
        var open = groups.Where(g => g.FromRole && !g.Verbed).ToList();
        if (open.Count == 0) return false;
        foreach (var g in open) { g.Kind = kind; g.Verbed = true; }
        trailer = kind == CreditKind.Both ? "文/摄" : p[i].Text;
        i++;
        return true;
    }

    /// <summary>
    /// Names at <paramref name="i"/>, separated by gaps or 、. Glued runs were split already; a word stands for a name
    /// when it has a name's form (and, in prefix mode after the first name, starts with a surname).
    /// </summary>
    static List<string> Names(List<Piece> p, ref int i, BylineWords words, bool prefix)
    {
        var names = new List<string>();
        while (i < p.Count)
        {
            var x = p[i];
            if (x.Kind == PieceKind.Sep && names.Count > 0 && i + 1 < p.Count && p[i + 1].Kind is PieceKind.Name or PieceKind.Word) { i++; continue; }
            if (x.Kind == PieceKind.Name) { names.Add(x.Text); i++; continue; }
            // A word glued to the role before it was not split into names: 记者走访 is not 记者 + 走访.
            bool apart = x.GapBefore || i == 0 || p[i - 1].Kind is PieceKind.Sep or PieceKind.Colon or PieceKind.Slash or PieceKind.Open or PieceKind.Other;
            if (x.Kind == PieceKind.Word && apart && words.IsNameLike(x.Text) && (!prefix || names.Count == 0 || words.IsSurnamed(x.Text)))
            {
                names.Add(x.Text);
                i++;
                continue;
            }
            break;
        }
        return names;
    }

    /// <summary>The text of a source after 来源：, up to the next label with a colon or a closing bracket.</summary>
    static string Text(List<Piece> p, ref int i)
    {
        var sb = new System.Text.StringBuilder();
        while (i < p.Count && p[i].Kind is not (PieceKind.Close or PieceKind.Colon or PieceKind.Open)
               && !(p[i].Kind == PieceKind.Label && At(p, i + 1, PieceKind.Colon)))
        {
            if (sb.Length > 0 && p[i].GapBefore) sb.Append(' ');
            sb.Append(p[i].Text);
            i++;
        }
        return sb.ToString();
    }

    static bool At(List<Piece> p, int i, PieceKind kind) => i < p.Count && p[i].Kind == kind;
}
