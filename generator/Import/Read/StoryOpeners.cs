using System.Text.RegularExpressions;

namespace Baoku.Import.Read;

/// <summary>
/// How Chinese news paragraphs open: a dateline (3月5日，…), a time phrase (近日，日前，今年以来，…), or the reporter's
/// source (记者从…获悉). After a finished sentence, a line that opens this way starts a new paragraph, and a short line
/// without sentence punctuation right before such a line is display type (a headline), not the paragraph's first line.
/// </summary>
public static partial class StoryOpeners
{
    [GeneratedRegex(@"^(?:\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[-至到—]\s*\d{1,2}\s*日)?\s*(?:上午|下午|晚上?|早上|清晨|凌晨|中午|傍晚|夜间|起|以来|前后)?\s*[，,]"
        + @"|(?:近日|日前|昨天|昨日|今天|今日|连日来|近期|近年来|今年以来|去年以来|入夏以来|入冬以来|入秋以来|开春以来|眼下|当前|如今|目前|据悉|据了解|截至目前|近一段时间以来)[，,]"
        + @"|记者(?:日前|近日|昨天|昨日|今天)?从.{2,20}?(?:获悉|了解到|得知)"
        + @"|\d{1,2}\s*月\s*\d{1,2}\s*日(?:上午|下午|晚上?)?，?(?:记者|在))")]
    private static partial Regex OpenerRx();

    /// <summary>A cleaned line or paragraph that opens like a news paragraph.</summary>
    public static bool Opens(string clean) => OpenerRx().IsMatch(clean);
}
