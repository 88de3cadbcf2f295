namespace Baoku.Tests.Support;

public static class TestFolders
{
    /// <summary>Copies a folder tree (every file and folder, empty ones too), leaving out folders with one of the names in <paramref name="skip"/>.</summary>
    public static void Copy(string from, string to, params string[] skip)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from))
            if (!skip.Contains(Path.GetFileName(dir))) Copy(dir, Path.Combine(to, Path.GetFileName(dir)), skip);
    }
}
