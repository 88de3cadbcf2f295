namespace Baoku.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "debug-dump") { DebugDump.Run(args[1]); return 0; }
        return 0;
    }
}
