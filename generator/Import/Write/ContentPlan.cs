namespace Baoku.Import.Write;

/// <summary>
/// Everything an import will do to content/, decided before anything is written (<see cref="ArticleFiles.Plan"/>):
/// the files to write with their new bytes, the files to delete (articles moved to a new name), what happens to each
/// article (<see cref="Results"/>) and the manifest as it will be once exactly these changes are made.
/// <see cref="ContentTransaction.Commit"/> makes them all or none.
/// </summary>
public sealed class ContentPlan(ImportManifest manifest)
{
    public ImportManifest Manifest { get; } = manifest;

    public List<FileResult> Results { get; } = [];

    public List<PlannedWrite> Writes { get; } = [];

    public List<PlannedDelete> Deletes { get; } = [];

    /// <summary>What stops the plan before anything is written (a folder in the way, a file that cannot be read); each names its path.</summary>
    public List<Problem> Problems { get; } = [];
}

/// <summary>A file to create or replace: its path under content/, its new bytes and their hash, and the hash of the
/// file it replaces (null: there is none).</summary>
public sealed record PlannedWrite(string RelativePath, byte[] Bytes, string? Before, string After);

/// <summary>A file to delete (an article written under another name before) and the hash of its bytes now.</summary>
public sealed record PlannedDelete(string RelativePath, string Before);
