using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Baoku.Build;
using Baoku.Serve;

namespace Baoku.Cli;

/// <summary><c>baoku serve</c>: builds the site into a preview folder, serves it on 127.0.0.1 and rebuilds on every change.</summary>
public static class ServeCommand
{
    public const int DefaultPort = 1313;
    public const string DefaultOutput = ".baoku-preview";

    public static Command Create()
    {
        var content = InputOptions.Content();
        var site = InputOptions.Site();
        var templates = InputOptions.Templates();
        var output = new Option<string>("--output", "-o") { Description = "预览网站的文件夹，不是要发布的 public/ (the preview's folder, not the published public/)", DefaultValueFactory = _ => DefaultOutput };
        var drafts = new Option<bool>("--drafts") { Description = "包括草稿 (include drafts)" };
        var port = new Option<int>("--port", "-p") { Description = $"端口，0 表示任选一个空闲端口 (port; 0 picks a free one)", DefaultValueFactory = _ => DefaultPort };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535) r.AddError("--port 必须在 0 到 65535 之间 (--port must be 0 to 65535)");
        });

        var cmd = new Command("serve", "生成网站并在本机 http://127.0.0.1 上预览，文章、模板或 site.yml 改动后自动重新生成并刷新网页 (build, serve on 127.0.0.1, rebuild and reload on every change)")
        {
            content, site, templates, output, drafts, port,
        };
        cmd.SetAction(parse => Run(new ServeOptions(parse.GetValue(content)!, parse.GetValue(site)!, parse.GetValue(templates)!,
            parse.GetValue(output)!, parse.GetValue(drafts), parse.GetValue(port))));
        return cmd;
    }

    static int Run(ServeOptions options)
    {
        using var stop = new ManualResetEventSlim();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;   // we stop by ourselves, cleanly
            stop.Set();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        PreviewSession session;
        try
        {
            session = PreviewSession.Start(options, Console.Out);
        }
        catch (OutputRefusedException e)
        {
            Console.Error.WriteLine(e.Problem.ToString());
            return 2;
        }
        catch (HttpListenerException e)
        {
            Console.Error.WriteLine($"无法使用端口 {options.Port}，可能已被占用，请用 --port 换一个，或 --port 0 任选 (cannot listen on port {options.Port}, probably in use; choose another with --port, or --port 0): {e.Message}");
            return 1;
        }
        using (session)
        {
            stop.Wait();
            Console.WriteLine("正在停止预览 (stopping)…");
        }
        Console.WriteLine("预览已停止 (preview stopped)");
        return 0;
    }
}
