namespace Baoku.Core;

/// <summary>
/// Where the files of a site go. Paths are site-relative with '/' separators. Rendering and the search index write
/// through it; the build decides where the files really land (a staging folder, or only the changed files).
/// </summary>
public interface ISiteOutput
{
    void Write(string relativePath, string content);
    void CopyFile(string sourcePath, string relativePath);
}
