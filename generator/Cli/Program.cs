using System.CommandLine;
using System.Text;

namespace Baoku.Cli;

/// <summary>Entry point: parses the command line and hands over to a command. Exit codes: 0 ok, 1 input errors, 2 usage.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var root = new RootCommand("报库 Baoku — 永康日报党建与新闻资料库的静态网站生成器 (static site generator for a newspaper archive)");
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(BuildCommand.Create());
        root.Subcommands.Add(NewCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("用 --help 查看用法 (see --help for usage)");
            return 2;
        }
        try
        {
            // Our own handler below, not System.CommandLine's, which would print a stack trace.
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
            if (e is OutOfMemoryException)
            {
                Console.Error.WriteLine("内存不足，构建已停止，原有网站未改动 (out of memory: the build stopped; the previous output is untouched)");
                return 3;
            }
            // Last line of defence: a bug must still not show an editor a stack trace.
            Console.Error.WriteLine($"内部错误，请把这条信息告诉开发人员 (internal error, please report): {e.GetType().Name}: {e.Message}");
            return 3;
        }
    }
}
