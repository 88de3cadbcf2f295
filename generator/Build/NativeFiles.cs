using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Baoku.Build;

/// <summary>
/// The few file-system calls .NET does not offer and the crash-safe publish needs (<see cref="StagingOutput"/>):
/// a hard link (an unchanged file joins the new site without being copied) and an atomic exchange of two folders (the
/// new site replaces the old one in one step, so a kill leaves one or the other). Each says false where the system or
/// the file system cannot do it, and the caller falls back to a copy or to two renames.
/// </summary>
static class NativeFiles
{
    const int AtFdCwd = -100;
    const uint RenameExchange = 2;   // Linux renameat2 flag
    const uint RenameSwap = 2;       // macOS renamex_np flag

    [DllImport("libc", SetLastError = true)]
    static extern int link(string existing, string newPath);

    [DllImport("libc", SetLastError = true)]
    static extern int renameat2(int oldDir, string oldPath, int newDir, string newPath, uint flags);

    [DllImport("libc", SetLastError = true)]
    static extern int renamex_np(string from, string to, uint flags);

    [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode, EntryPoint = "CreateHardLinkW")]
    static extern bool CreateHardLink(string newPath, string existing, IntPtr security);

    /// <summary>Makes <paramref name="newPath"/> a second name of the file <paramref name="existing"/>; false when the file system cannot.</summary>
    public static bool TryLink(string existing, string newPath)
    {
        try
        {
            if (OperatingSystem.IsWindows()) return CreateHardLink(newPath, existing, IntPtr.Zero);
            return link(existing, newPath) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Swaps two existing folders in one step; false when the system or the file system cannot.</summary>
    public static bool TryExchange(string a, string b)
    {
        try
        {
            if (OperatingSystem.IsLinux()) return renameat2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
            if (OperatingSystem.IsMacOS()) return renamex_np(a, b, RenameSwap) == 0;
            return false;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether process <paramref name="pid"/> is still running (a zombie, killed but not yet reaped, is not). This
    /// process counts as not running: a folder with its number was left by an earlier process of the same number.
    /// </summary>
    public static bool Running(int pid)
    {
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var p = Process.GetProcessById(pid);
            if (p.HasExited) return false;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
        if (!OperatingSystem.IsLinux()) return true;
        try
        {
            // /proc/PID/stat: "pid (name) state …", the name may hold spaces and brackets.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var at = stat.LastIndexOf(')') + 2;
            return at >= stat.Length || stat[at] is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
