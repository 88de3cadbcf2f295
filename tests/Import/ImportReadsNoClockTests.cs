using System.Reflection;
using System.Reflection.Emit;
using Baoku.Cli;
using Baoku.Import;

namespace Baoku.Tests.Import;

/// <summary>
/// Never the machine clock (issue 12): no code the import runs reads the time, so the same pages give the same dates
/// whatever day it is. Checked on the compiled code: every method of Baoku.Import and of the import command, and every
/// method of the program they call, is scanned for calls to the clock.
/// </summary>
public class ImportReadsNoClockTests
{
    private static readonly string[] Clock =
    [
        "System.DateTime.get_Now", "System.DateTime.get_Today", "System.DateTime.get_UtcNow",
        "System.DateTimeOffset.get_Now", "System.DateTimeOffset.get_UtcNow", "System.DateOnly.FromDateTime",
        "System.TimeProvider.get_System", "System.Environment.get_TickCount", "System.Environment.get_TickCount64",
    ];

    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => (ushort)o.Value);

    private const BindingFlags All = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    [Fact]
    public void NothingTheImportRunsReadsTheClock()
    {
        var program = typeof(Importer).Assembly;
        var roots = program.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Baoku.Import", StringComparison.Ordinal) == true || IsIn(t, typeof(ImportCommand)))
            .SelectMany(t => t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All)))
            .ToList();
        roots.Count.ShouldBeGreaterThan(100);
        ClockReadsFrom(roots, program).ShouldBeEmpty();
    }

    [Fact]
    public void TheScanFindsAClockRead() =>
        // baoku new offers today's date: the scan must see that.
        ClockReadsFrom(typeof(NewCommand).GetMethods(All).Cast<MethodBase>().ToList(), typeof(NewCommand).Assembly).ShouldNotBeEmpty();

    private static bool IsIn(Type t, Type outer) => t == outer || t.DeclaringType is { } d && IsIn(d, outer);

    /// <summary>"caller → clock member" for every clock read reachable from <paramref name="roots"/> inside <paramref name="program"/>.</summary>
    private static List<string> ClockReadsFrom(List<MethodBase> roots, Assembly program)
    {
        var seen = new HashSet<MethodBase>(roots);
        var queue = new Queue<MethodBase>(roots);
        var reads = new List<string>();
        while (queue.TryDequeue(out var m))
            foreach (var callee in Callees(m))
            {
                var name = $"{callee.DeclaringType?.FullName}.{callee.Name}";
                if (Clock.Contains(name)) reads.Add($"{m.DeclaringType?.FullName}.{m.Name} → {name}");
                else if (callee.Module.Assembly == program && seen.Add(callee)) queue.Enqueue(callee);
            }
        return reads;
    }

    /// <summary>The methods a method's IL calls, loads (ldftn: lambdas) or constructs.</summary>
    private static IEnumerable<MethodBase> Callees(MethodBase m)
    {
        var il = m.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        for (var i = 0; i < il.Length;)
        {
            var op = il[i] == 0xFE ? OpCodesByValue[(ushort)(0xFE00 | il[i + 1])] : OpCodesByValue[il[i]];
            i += op.Size;
            if (op.OperandType == OperandType.InlineMethod && Resolve(m, BitConverter.ToInt32(il, i)) is { } callee) yield return callee;
            i += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                _ => 4,
            };
        }
    }

    private static MethodBase? Resolve(MethodBase m, int token)
    {
        try
        {
            return m.Module.ResolveMethod(token,
                m.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null,
                m is MethodInfo { IsGenericMethod: true } ? m.GetGenericArguments() : null);
        }
        catch (ArgumentException) { return null; }
    }
}
