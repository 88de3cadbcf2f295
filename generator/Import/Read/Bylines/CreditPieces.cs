namespace Baoku.Import.Read;

internal enum PieceKind { Role, Label, Verb, Name, Word, Colon, Slash, Sep, Open, Close, Other }

/// <summary>
/// One word of a byline after glued words are taken apart: 本报记者赵伟龙 is the role 本报记者 and the name 赵伟龙,
/// 通讯员张志摄 the role, the name 张志 and the verb 摄. <see cref="Name"/> pieces come from glued runs and are already
/// checked; a <see cref="PieceKind.Word"/> is a name only where the grammar finds it in a name's place.
/// </summary>
internal readonly record struct Piece(PieceKind Kind, string Text, CreditKind Credit, bool GapBefore, int NsEnd);

internal static class CreditPieces
{
    public static List<Piece> Expand(IReadOnlyList<Token> tokens, BylineWords words)
    {
        var pieces = new List<Piece>();
        foreach (var t in tokens)
        {
            bool gap = t.Before != Gap.None;
            switch (t.Kind)
            {
                case TokenKind.Word: ExpandWord(t, words, pieces); break;
                case TokenKind.Colon: pieces.Add(new Piece(PieceKind.Colon, t.Text, default, gap, t.NsEnd)); break;
                case TokenKind.Slash: pieces.Add(new Piece(PieceKind.Slash, t.Text, default, gap, t.NsEnd)); break;
                case TokenKind.Sep: pieces.Add(new Piece(PieceKind.Sep, t.Text, default, gap, t.NsEnd)); break;
                case TokenKind.Open: pieces.Add(new Piece(PieceKind.Open, t.Text, default, gap, t.NsEnd)); break;
                case TokenKind.Close: pieces.Add(new Piece(PieceKind.Close, t.Text, default, gap, t.NsEnd)); break;
                default: pieces.Add(new Piece(PieceKind.Other, t.Text, default, gap, t.NsEnd)); break;
            }
        }
        return pieces;
    }

    /// <summary>A word that stands for itself in a byline: a keyword, a possible name, or a role with valid glued names.</summary>
    public static bool IsComplete(string word, BylineWords words)
    {
        if (words.IsKeyword(word) || words.IsNameLike(word)) return true;
        var pieces = new List<Piece>();
        ExpandWord(new Token(TokenKind.Word, word, Gap.None, 0), words, pieces);
        return pieces.Count > 1 && pieces.All(p => p.Kind != PieceKind.Word || words.IsNameLike(p.Text));
    }

    static void ExpandWord(Token t, BylineWords words, List<Piece> pieces)
    {
        var w = t.Text;
        bool gap = t.Before != Gap.None;
        int start = t.Ns;
        void Add(PieceKind kind, int from, int length, CreditKind credit = default) =>
            pieces.Add(new Piece(kind, w.Substring(from, length), credit, gap && from == 0, start + from + length));

        if (words.Label(w) is { } label) { Add(PieceKind.Label, 0, w.Length, label); return; }
        if (words.Verb(w) is { } verb) { Add(PieceKind.Verb, 0, w.Length, verb); return; }

        int role = words.RoleAt(w, 0, out var roleKind);
        if (role == w.Length) { Add(PieceKind.Role, 0, w.Length, roleKind); return; }
        if (role > 0)
        {
            Add(PieceKind.Role, 0, role, roleKind);
            AddGlued(w, role, words, Add);
            return;
        }
        if (words.LabelPrefix(w) is { } glued && words.SplitGluedNames(StripPhoto(w[glued.Length..])) is not null)
        {
            // 编辑吕佳, 摄影李振宇
            Add(PieceKind.Label, 0, glued.Length, words.Label(glued)!.Value);
            AddGlued(w, glued.Length, words, Add);
            return;
        }
        int inner = InnerRole(w, 2, words);
        if (inner > 0 && words.SplitGluedNames(w[..inner]) is not null)
        {
            // 赵伟龙通讯员张志: a name, then a role glued to it
            AddGlued(w, 0, words, Add);
            return;
        }
        foreach (var suffix in new[] { "供图", "供稿", "摄影", "摄" })
            if (w.Length > suffix.Length + 1 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                // 慈溪市委宣传部供图, 张志摄 (after a role and a space)
                Add(PieceKind.Word, 0, w.Length - suffix.Length);
                Add(PieceKind.Verb, w.Length - suffix.Length, suffix.Length, words.Verb(suffix)!.Value);
                return;
            }
        Add(PieceKind.Word, 0, w.Length);
    }

    static string StripPhoto(string s) => s.Length > 2 && s[^1] == '摄' ? s[..^1] : s;

    /// <summary>Names glued after a role, with more roles inside and a 摄 at the end: 陈一帆通讯员郭晓, 张志摄.</summary>
    static void AddGlued(string w, int from, BylineWords words, Action<PieceKind, int, int, CreditKind> add)
    {
        int end = w.Length;
        bool photo = end - from > 2 && w[end - 1] == '摄';
        if (photo) end--;
        int i = from;
        while (i < end)
        {
            int next = InnerRole(w[..end], i + 2, words);
            int runEnd = next > 0 ? next : end;
            var run = w[i..runEnd];
            var names = words.SplitGluedNames(run);
            if (names is null) add(PieceKind.Word, i, run.Length, default);
            else
            {
                int at = i;
                foreach (var n in names) { add(PieceKind.Name, at, n.Length, default); at += n.Length; }
            }
            if (next <= 0) break;
            int len = words.PlainRoleAt(w[..end], next, out var kind);
            add(PieceKind.Role, next, len, kind);
            i = next + len;
        }
        if (photo) add(PieceKind.Verb, end, 1, CreditKind.Photo);
    }

    /// <summary>Where the first plain role starts at or after <paramref name="from"/>, or 0.</summary>
    static int InnerRole(string w, int from, BylineWords words)
    {
        for (int j = from; j < w.Length - 1; j++)
            if (words.PlainRoleAt(w, j, out _) > 0) return j;
        return 0;
    }
}
