namespace Baoku.Import.Write;

/// <summary>
/// Why a file could not be written or read, as one sentence in Chinese and English that an editor can act on
/// (permission denied, disk full, a name too long, a file where a folder should be, …), never an exception's type or
/// a stack trace. The caller names the path (<see cref="Problem.File"/>); the reason looks at the path on disk to
/// tell a folder in the way from a missing permission.
/// </summary>
public static class IoMessages
{
    /// <summary>"无法写入：… (cannot write: …)" for a failure at <paramref name="path"/>.</summary>
    public static string CannotWrite(Exception e, string path)
    {
        var (zh, en) = Reason(e, path);
        return $"无法写入：{zh} (cannot write: {en})";
    }

    /// <summary>"无法读取：… (cannot read: …)" for a failure at <paramref name="path"/>.</summary>
    public static string CannotRead(Exception e, string path)
    {
        var (zh, en) = Reason(e, path);
        return $"无法读取：{zh} (cannot read: {en})";
    }

    public static (string Zh, string En) FolderInTheWay =>
        ("已有同名的文件夹，请删除或改名后再导入", "a folder of this name is in the way; remove or rename it, then import again");

    public static (string Zh, string En) FileInsteadOfFolder(string file) =>
        ($"{file} 是文件，不是文件夹，请删除或改名后再导入", $"{file} is a file, not a folder; remove or rename it, then import again");

    // errno values as .NET reports them on Linux (IOException.HResult), and the Windows HRESULTs of the same failures.
    const int EPERM = 1, EIO = 5, EACCES = 13, EEXIST = 17, ENOTDIR = 20, EISDIR = 21, ENOSPC = 28, EROFS = 30, ENAMETOOLONG = 36, EDQUOT = 122;
    const int WinDiskFull = unchecked((int)0x80070070), WinHandleDiskFull = unchecked((int)0x80070027), WinSharing = unchecked((int)0x80070020),
        WinLock = unchecked((int)0x80070021), WinWriteProtect = unchecked((int)0x80070013);

    /// <summary>The reason, in both languages, that <paramref name="e"/> happened at <paramref name="path"/>.</summary>
    public static (string Zh, string En) Reason(Exception e, string path)
    {
        switch (e)
        {
            case PathTooLongException:
                return TooLong(path);
            case UnauthorizedAccessException:
                // .NET reports "is a folder" (EISDIR) as access denied too: look.
                return Directory.Exists(path) ? FolderInTheWay : Denied;
            case DirectoryNotFoundException or FileNotFoundException:
                return FileOnTheWay(path) is { } file ? FileInsteadOfFolder(file) : ("路径中的文件夹不存在", "a folder on the path does not exist");
        }
        return e.HResult switch
        {
            ENOSPC or WinDiskFull or WinHandleDiskFull => ("磁盘已满", "no space left on the disk"),
            EDQUOT => ("超出了磁盘配额", "disk quota exceeded"),
            EROFS or WinWriteProtect => ("磁盘或文件系统是只读的", "read-only file system"),
            EACCES or EPERM => Directory.Exists(path) ? FolderInTheWay : Denied,
            EISDIR => FolderInTheWay,
            ENAMETOOLONG => TooLong(path),
            ENOTDIR => FileOnTheWay(path) is { } file ? FileInsteadOfFolder(file) : ("路径中有一部分不是文件夹", "a part of the path is not a folder"),
            EEXIST when File.Exists(path) => FileInsteadOfFolder(path),
            WinSharing or WinLock => ("文件正被另一个程序使用", "the file is in use by another program"),
            EIO => ("磁盘读写出错", "input/output error on the disk"),
            _ => ("读写出错", e.Message),
        };
    }

    static (string, string) Denied => ("没有权限", "permission denied");

    static (string, string) TooLong(string path)
    {
        var longest = path.Split('/', '\\').Where(p => p.Length > 0).MaxBy(p => System.Text.Encoding.UTF8.GetByteCount(p)) ?? "";
        int bytes = System.Text.Encoding.UTF8.GetByteCount(longest);
        return bytes > 255
            ? ($"路径中的名字太长（{bytes} 字节，最多 255 字节）", $"a name in the path is too long: {bytes} bytes, at most 255")
            : ("路径太长", "the path is too long");
    }

    /// <summary>The nearest folder above <paramref name="path"/> that is a file instead, if any.</summary>
    static string? FileOnTheWay(string path)
    {
        try
        {
            for (var p = Path.GetDirectoryName(path); !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
                if (File.Exists(p)) return p;
        }
        catch (Exception ex) when (ex is ArgumentException or IOException) { }
        return null;
    }
}
