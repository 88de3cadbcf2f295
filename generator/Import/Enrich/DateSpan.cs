namespace Baoku.Import.Enrich;

/// <summary>The publication date lies within [<see cref="From"/>, <see cref="To"/>] (both inclusive).</summary>
public sealed record DateSpan(DateOnly From, DateOnly To)
{
    public static DateSpan Since(int year, int month, int day) => new(new(year, month, day), DateOnly.MaxValue);
    public static DateSpan Between(DateOnly from, DateOnly to) => new(from, to);
    public static DateSpan Year(int year) => new(new(year, 1, 1), new(year, 12, 31));
    public static DateSpan Years(int first, int last) => new(new(first, 1, 1), new(last, 12, 31));
    public static DateSpan FromYear(int year) => new(new(year, 1, 1), DateOnly.MaxValue);

    public bool IsOpenEnded => To == DateOnly.MaxValue;
    public bool Contains(DateOnly d) => d >= From && d <= To;

    public override string ToString()
    {
        var fromNewYear = From.Month == 1 && From.Day == 1;
        if (IsOpenEnded) return fromNewYear ? $"{From.Year} 年起" : $"{Dates.Iso(From)} 起";
        if (fromNewYear && To.Month == 12 && To.Day == 31)
            return From.Year == To.Year ? $"{From.Year} 年" : $"{From.Year}–{To.Year} 年";
        return $"{Dates.Iso(From)} 至 {Dates.Iso(To)}";
    }
}
