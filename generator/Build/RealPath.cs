namespace Baoku.Build;

/// <summary>
/// A folder's real full path, to tell whether two names mean the same folder or one lies inside the other: every
/// symbolic link on the way is followed, and where the file system ignores case (macOS, Windows, a USB stick) each
/// existing name is spelt as its folder lists it. The part of a path that does not exist yet is kept as written.
/// (<c>..</c> is taken away by name first, as <see cref="Path.GetFullPath(string)"/> does, not after a link.)
/// </summary>
static class RealPath
{
    /// <summary>How a folder lists the entry <c>name</c>: that name, or another spelling of it when the file system
    /// ignores case; null when there is no such entry.</summary>
    public delegate string? NameLookup(string folder, string name);

    public static string Of(string path) => Of(path, ListedName);

    public static string Of(string path, NameLookup lookup) => Resolve(Path.GetFullPath(path), lookup, depth: 0);

    /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or lies inside it (both real paths).</summary>
    public static bool IsSameOrInside(string inner, string outer)
    {
        inner = Path.TrimEndingDirectorySeparator(inner);
        outer = Path.TrimEndingDirectorySeparator(outer);
        if (inner == outer) return true;
        var prefix = outer.EndsWith(Path.DirectorySeparatorChar) ? outer : outer + Path.DirectorySeparatorChar;   // "/" stays "/"
        return inner.StartsWith(prefix, StringComparison.Ordinal);
    }

    static string Resolve(string full, NameLookup lookup, int depth)
    {
        var root = Path.GetPathRoot(full)!;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (int i = 0; i < parts.Length; i++)
        {
            var listed = lookup(current, parts[i]);
            if (listed is null) return Path.Combine([current, .. parts[i..]]);   // the rest does not exist yet
            var next = Path.Combine(current, listed);
            string? target = null;
            try { target = new FileInfo(next).LinkTarget; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            if (target is null || depth > 40) { current = next; continue; }   // 40 links: a loop; stop following
            var resolved = Path.GetFullPath(target, current);
            return Resolve(Path.Combine([resolved, .. parts[(i + 1)..]]), lookup, depth + 1);
        }
        return current;
    }

    /// <summary>
    /// The real file system: the name itself when it exists spelt so and the other spelling does not (a file system
    /// that minds case, or a name without letters: the usual case, two look-ups); otherwise the folder is listed to
    /// see how it spells the entry.
    /// </summary>
    static string? ListedName(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (!Path.Exists(path) && !IsLink(path)) return null;
        var swapped = new string(name.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
        if (swapped == name || !Path.Exists(Path.Combine(folder, swapped))) return name;
        try
        {
            string? other = null;
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var listed = Path.GetFileName(entry);
                if (listed == name) return name;
                if (other is null && string.Equals(listed, name, StringComparison.OrdinalIgnoreCase)) other = listed;
            }
            return other ?? name;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return name;
        }
    }

    static bool IsLink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
