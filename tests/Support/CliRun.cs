using Baoku.Cli;

namespace Baoku.Tests.Support;

/// <summary>Runs the command line in-process with its console output captured. Tests that use it share the
/// "Console" collection, since the console is process-wide.</summary>
public static class CliRun
{
    public static (int Exit, string Out, string Err) Captured(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o);
        Console.SetError(e);
        try { return (Program.Main(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }
}
