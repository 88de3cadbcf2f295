using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Baoku.Serve;

/// <summary>
/// Serves the preview folder on http://127.0.0.1:PORT/ only, as a static host does: Content-Type by extension,
/// <c>index.html</c> for a directory URL, a redirect from <c>/dir</c> to <c>/dir/</c>, the site's <c>404.html</c> for
/// anything missing, and nothing outside the folder. HTML responses get the live-reload script and, while the last
/// build failed, the error panel; the files on disk are never changed. Nothing is cached: every answer is read fresh.
/// </summary>
public sealed class PreviewServer : IDisposable
{
    readonly HttpListener _listener;
    readonly LiveReload _live;
    readonly Func<IReadOnlyList<Problem>> _errors;
    readonly Func<TimeSpan, bool> _waitForBuild;
    readonly string? _shownBase;
    Task? _loop;

    /// <summary>The served folder (full path).</summary>
    public string Root { get; }
    public int Port { get; }
    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <param name="root">the folder to serve; it may not exist yet (the first build makes it)</param>
    /// <param name="port">the port, 0 for a free one</param>
    /// <param name="live">the live-reload event hub</param>
    /// <param name="errors">the errors of the last build (empty when it succeeded)</param>
    /// <param name="waitForBuild">waits for a running build to finish (true when none is running any more): a page
    /// missing while the new site is swapped in is looked up again after the build, not answered with 404</param>
    /// <param name="shownBase">file names in the error panel are shown relative to this folder</param>
    public PreviewServer(string root, int port, LiveReload live, Func<IReadOnlyList<Problem>> errors, Func<TimeSpan, bool> waitForBuild, string? shownBase = null)
    {
        Root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        _live = live;
        _errors = errors;
        _waitForBuild = waitForBuild;
        _shownBase = shownBase;
        (_listener, Port) = port == 0 ? StartOnFreePort() : (Start(port), port);
    }

    static HttpListener Start(int port)
    {
        var listener = new HttpListener { IgnoreWriteExceptions = true };
        // An IP address, never "+" or "*": the listener binds to the loopback interface only.
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        try
        {
            listener.Start();
            return listener;
        }
        catch
        {
            listener.Close();
            throw;
        }
    }

    static (HttpListener, int) StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try { return (Start(port), port); }
            catch (HttpListenerException) when (attempt < 10) { } // taken between the probe and the start: another
        }
    }

    /// <summary>Starts answering requests.</summary>
    public void Run() => _loop ??= Task.Run(AcceptLoop);

    async Task AcceptLoop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => Answer(context));
        }
    }

    void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var keepOpen = false;
        try
        {
            response.AddHeader("Cache-Control", "no-store");
            var rawTarget = request.RawUrl ?? "/";
            var queryAt = rawTarget.IndexOf('?');
            var rawPath = queryAt < 0 ? rawTarget : rawTarget[..queryAt];
            var query = queryAt < 0 ? "" : rawTarget[queryAt..];
            string path;
            try { path = Uri.UnescapeDataString(rawPath); }
            catch (UriFormatException) { path = "\0"; }

            if (request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.AddHeader("Allow", "GET, HEAD");
                SendText(context, 405, "405 method not allowed\n");
            }
            else if (path == LiveReload.EventsPath)
            {
                _live.Accept(context);
                keepOpen = true;
            }
            else if (!path.StartsWith('/') || Resolve(path[1..]) is not { } local)
                SendText(context, 400, "400 bad request: the path leaves the site folder\n");
            else
                ServePath(context, local, rawPath, query, retry: true);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // the client went away mid-answer
        }
        finally
        {
            if (!keepOpen)
            {
                try { response.Close(); } catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException) { }
            }
        }
    }

    void ServePath(HttpListenerContext context, string local, string rawPath, string query, bool retry)
    {
        try
        {
            if (Directory.Exists(local))
            {
                if (!rawPath.EndsWith('/'))
                {
                    Redirect(context.Response, rawPath + "/" + query);
                    return;
                }
                var index = Path.Combine(local, "index.html");
                if (File.Exists(index))
                {
                    SendFile(context, 200, index);
                    return;
                }
            }
            else if (File.Exists(local))
            {
                SendFile(context, 200, local);
                return;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && retry)
        {
            // the folder was swapped between the check and the read
        }
        // Missing: if a build is swapping the new site in right now, look again once it is done.
        if (retry && !_waitForBuild(TimeSpan.Zero) && _waitForBuild(TimeSpan.FromMinutes(2)))
        {
            ServePath(context, local, rawPath, query, retry: false);
            return;
        }
        NotFound(context);
    }

    /// <summary>The local path for a site-relative path, or null when it would leave the served folder.</summary>
    string? Resolve(string relative)
    {
        if (relative.Contains('\0') || relative.Contains('\\') || relative.Contains(':')) return null;
        var full = Path.GetFullPath(Path.Combine(Root, relative)).TrimEnd(Path.DirectorySeparatorChar);
        var inside = full == Root || full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside ? full : null;
    }

    void NotFound(HttpListenerContext context)
    {
        var page = Path.Combine(Root, "404.html");
        try
        {
            if (File.Exists(page))
            {
                SendFile(context, 404, page);
                return;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { }
        if (!Directory.Exists(Root))
        {
            // No site yet (the first build failed): an HTML page, so the error panel and live reload still work.
            SendHtml(context, 503, "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>报库预览 (Baoku preview)</title></head>" +
                "<body><p style=\"margin-top:40vh;text-align:center\">网站还没有生成 (the site has not been built yet)</p></body></html>");
            return;
        }
        SendText(context, 404, "404 not found\n");
    }

    static void Redirect(HttpListenerResponse response, string location)
    {
        response.StatusCode = 301;
        response.RedirectLocation = location;
        response.ContentLength64 = 0;
    }

    void SendFile(HttpListenerContext context, int status, string file)
    {
        if (ContentTypes.IsHtml(file)) SendHtml(context, status, File.ReadAllText(file, Encoding.UTF8));
        else Send(context, status, ContentTypes.For(file), File.ReadAllBytes(file));
    }

    void SendHtml(HttpListenerContext context, int status, string html) =>
        Send(context, status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(LiveReload.Inject(html, _errors(), _shownBase)));

    static void SendText(HttpListenerContext context, int status, string text) =>
        Send(context, status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

    static void Send(HttpListenerContext context, int status, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod != "HEAD") response.OutputStream.Write(body);
    }

    public void Dispose()
    {
        _live.Dispose();
        if (_listener.IsListening) _listener.Stop();
        _listener.Close();
        try { _loop?.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
