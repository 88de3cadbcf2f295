using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Baoku.Tests.Support.Web;

/// <summary>One request the server answered: decoded path (no query), status code and body bytes sent.</summary>
public sealed record ServedRequest(string Method, string Path, int Status, long Bytes);

/// <summary>
/// Serves a built site folder over HTTP on 127.0.0.1 (a free port), under a sub-path such as <c>/baoku/</c>, the way a
/// static host does: Content-Type by extension, <c>index.html</c> for a directory URL, a 301 from <c>/x</c> to <c>/x/</c>
/// for a directory, and the site's own <c>404.html</c> (status 404) for anything missing under the sub-path. Paths
/// outside the sub-path get a plain-text 404, so a link that forgets the sub-path is not masked by the site's 404 page.
/// Every answered request is logged in <see cref="Requests"/>, so tests can count requests and bytes.
/// </summary>
public sealed class StaticSiteServer : IDisposable, IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Task loop;
    private readonly ConcurrentQueue<ServedRequest> log = new();

    /// <summary>The folder served (full path).</summary>
    public string Root { get; }
    /// <summary>The sub-path the site lives under, with leading and trailing slash ("/" for the host root).</summary>
    public string BasePath { get; }
    public int Port { get; }
    /// <summary>The site's own root URL, e.g. <c>http://127.0.0.1:41234/baoku/</c>.</summary>
    public Uri BaseUrl { get; }

    public StaticSiteServer(string root, string basePath = "/")
    {
        Root = Path.GetFullPath(root);
        if (!Directory.Exists(Root)) throw new DirectoryNotFoundException("site folder to serve not found: " + Root);
        BasePath = "/" + basePath.Trim('/') + (basePath.Trim('/').Length > 0 ? "/" : "");
        (listener, Port) = StartOnFreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}{BasePath}");
        loop = Task.Run(AcceptLoop);
    }

    /// <summary>An absolute URL for a path relative to the site root ("" or "about/" or "style.css").</summary>
    public Uri Url(string relative = "") => new(BaseUrl, relative.TrimStart('/'));

    /// <summary>The requests answered so far, in the order they finished.</summary>
    public IReadOnlyList<ServedRequest> Requests => log.ToArray();

    /// <summary>Body bytes sent so far, over all requests.</summary>
    public long BytesServed => log.Sum(r => r.Bytes);

    public void ClearLog() => log.Clear();

    private static (HttpListener, int) StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var candidate = new HttpListener();
            candidate.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                candidate.Start();
                return (candidate, port);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                candidate.Close(); // the port was taken between the probe and the start: try another
            }
        }
    }

    private async Task AcceptLoop()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var rawTarget = request.RawUrl ?? "/";
        var queryAt = rawTarget.IndexOf('?');
        var rawPath = queryAt < 0 ? rawTarget : rawTarget[..queryAt];
        var query = queryAt < 0 ? "" : rawTarget[queryAt..];
        var path = Uri.UnescapeDataString(rawPath);
        long bytes = 0;
        try
        {
            if (request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.AddHeader("Allow", "GET, HEAD");
                bytes = Send(context, 405, "text/plain; charset=utf-8", "405 method not allowed\n"u8.ToArray());
            }
            else if (path + "/" == BasePath)
                Redirect(response, rawPath + "/" + query);
            else if (!path.StartsWith(BasePath, StringComparison.Ordinal))
                bytes = Send(context, 404, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes($"404: {path} is outside the site's base path {BasePath}\n"));
            else if (Resolve(path[BasePath.Length..]) is not { } local)
                bytes = NotFound(context);
            else if (Directory.Exists(local))
            {
                var index = Path.Combine(local, "index.html");
                if (!rawPath.EndsWith('/')) Redirect(response, rawPath + "/" + query);
                else if (File.Exists(index)) bytes = Send(context, 200, ContentTypes.For(index), File.ReadAllBytes(index));
                else bytes = NotFound(context);
            }
            else if (File.Exists(local))
                bytes = Send(context, 200, ContentTypes.For(local), File.ReadAllBytes(local));
            else
                bytes = NotFound(context);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // the client went away mid-answer; log what we know
        }
        finally
        {
            log.Enqueue(new ServedRequest(request.HttpMethod, path, response.StatusCode, bytes));
            try { response.Close(); } catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
        }
    }

    /// <summary>The local path for a site-relative path, or null when it would leave the served folder.</summary>
    private string? Resolve(string relative)
    {
        if (relative.Contains('\0') || relative.Contains('\\')) return null;
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        var inside = full == Root || full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside ? full : null;
    }

    private long NotFound(HttpListenerContext context)
    {
        var page = Path.Combine(Root, "404.html");
        return File.Exists(page)
            ? Send(context, 404, ContentTypes.For(page), File.ReadAllBytes(page))
            : Send(context, 404, "text/plain; charset=utf-8", "404 not found\n"u8.ToArray());
    }

    private static void Redirect(HttpListenerResponse response, string location)
    {
        response.StatusCode = 301;
        response.RedirectLocation = location;
        response.ContentLength64 = 0;
    }

    private static long Send(HttpListenerContext context, int status, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod == "HEAD") return 0;
        response.OutputStream.Write(body);
        return body.Length;
    }

    public void Dispose()
    {
        if (!listener.IsListening) return;
        listener.Stop();
        listener.Close();
        try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
