using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Baoku.Content;

/// <summary>Writes YAML scalars plainly when that is safe, double-quoted otherwise, so editors see clean text.</summary>
public static partial class YamlText
{
    [GeneratedRegex(@"^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|\d{4}-\d\d-\d\d.*|\.inf|\.nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex AmbiguousRx();

    public static string Scalar(string value, bool inFlow = false)
    {
        bool plain = value.Length > 0
            && value.Trim() == value
            && !AmbiguousRx().IsMatch(value)
            && "-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) < 0
            && !value.Contains(": ") && !value.Contains(" #") && !value.EndsWith(':')
            && (!inFlow || value.IndexOfAny([',', '[', ']', '{', '}']) < 0)
            && value.All(c => !char.IsControl(c) && c != '\uFEFF');
        return plain ? value : Quote(value);
    }

    static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    public static string FlowList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(i => Scalar(i, inFlow: true))) + "]";
}
