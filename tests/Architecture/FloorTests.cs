using System.Reflection;
using NetArchTest.Rules;

namespace Baoku.Tests.Architecture;

/// <summary>
/// The generator's folders are pipeline stages on floors, and each uses only lower floors (README, "Architecture").
/// A type that references a namespace on its own floor (a sibling) or above fails here with its name.
/// </summary>
public class FloorTests
{
    static readonly Assembly Generator = typeof(Problem).Assembly;

    /// <summary>Floor by floor, bottom up. Namespaces on one floor are siblings and may not use each other.</summary>
    public static readonly string[][] Floors =
    [
        ["Baoku.Core"],
        ["Baoku.Config"],
        ["Baoku.Content"],
        ["Baoku.Import", "Baoku.Site"],
        ["Baoku.Render", "Baoku.Search"],
        ["Baoku.Build"],
        ["Baoku.Check", "Baoku.Serve"],
        ["Baoku.Cli"],
    ];

    /// <summary>Inside the importer, its sub-stages look only down too; the orchestration (Baoku.Import itself) is on top.</summary>
    public static readonly string[][] ImportFloors =
    [
        ["Baoku.Import.Read"],
        ["Baoku.Import.Assemble"],
        ["Baoku.Import.Enrich"],
        ["Baoku.Import.Write"],
    ];

    public static TheoryData<string> Namespaces() => [.. Floors.SelectMany(f => f)];

    public static TheoryData<string> ImportNamespaces() => [.. ImportFloors.SelectMany(f => f)];

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void AStageUsesOnlyLowerFloors(string stage) => AssertOnlyLower(stage, Floors);

    [Theory]
    [MemberData(nameof(ImportNamespaces))]
    public void AnImportSubStageUsesOnlyLowerSubStages(string stage)
    {
        AssertOnlyLower(stage, ImportFloors);
        // The orchestration sits in Baoku.Import itself, above every sub-stage (named type by type: the rule matches
        // namespaces by prefix, and every sub-stage is under Baoku.Import).
        var orchestration = Generator.GetTypes().Where(t => t.Namespace == "Baoku.Import" && !t.IsNested)
            .Select(t => t.FullName!.Split('`')[0]).ToArray();
        var result = Types.InAssembly(Generator).That().ResideInNamespace(stage)
            .ShouldNot().HaveDependencyOnAny(orchestration).GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty($"{stage} must not use the importer's orchestration ({string.Join(", ", orchestration)})");
    }

    /// <summary>A folder outside the table would escape the rule: every generator type lives on a floor.</summary>
    [Fact]
    public void EveryTypeLivesOnAFloor()
    {
        var known = Floors.SelectMany(f => f).ToList();
        var homeless = Generator.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Baoku", StringComparison.Ordinal) == true)
            .Where(t => !known.Any(n => InNamespace(t.Namespace!, n)))
            .Select(t => t.FullName).Distinct().ToList();
        homeless.ShouldBeEmpty();
    }

    [Fact]
    public void TheImportRootHoldsOnlyItsSubStagesAndTheOrchestration()
    {
        var subStages = Generator.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("Baoku.Import.", StringComparison.Ordinal)).Distinct()
            .Where(n => !ImportFloors.SelectMany(f => f).Any(s => InNamespace(n, s))).ToList();
        subStages.ShouldBeEmpty("namespaces under Baoku.Import outside Read, Assemble, Enrich and Write");
    }

    static void AssertOnlyLower(string stage, string[][] floors)
    {
        int floor = Array.FindIndex(floors, f => f.Contains(stage));
        var forbidden = floors.Skip(floor).SelectMany(f => f).Where(n => n != stage).ToArray();
        if (forbidden.Length == 0) return;
        var result = Types.InAssembly(Generator).That().ResideInNamespace(stage)
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        // ResideInNamespace matches by prefix: Baoku.Import includes its sub-stages, which are checked separately.
        var failing = (result.FailingTypeNames ?? []).Where(t => Owner(t, floors) == stage).ToList();
        failing.ShouldBeEmpty($"{stage} (floor {floor}) must not use {string.Join(", ", forbidden)}");
    }

    /// <summary>The most specific namespace of the table that a type name belongs to.</summary>
    static string? Owner(string typeName, string[][] floors) =>
        floors.SelectMany(f => f).Where(n => InNamespace(typeName, n)).OrderByDescending(n => n.Length).FirstOrDefault();

    static bool InNamespace(string name, string ns) =>
        name == ns || name.Length > ns.Length && name.StartsWith(ns, StringComparison.Ordinal) && name[ns.Length] is '.' or '+' or '/';
}
