using System.Net;
using System.Text;

namespace Baoku.Serve;

/// <summary>
/// Live reload over Server-Sent Events: pages served by the preview server get a small inline script that listens
/// on <see cref="EventsPath"/> and reloads the page on a <c>reload</c> message. The script is added to the response
/// only, never to the built files. On connecting, a client is told the current build number, so a page that missed
/// a reload while disconnected (the server restarted) reloads when it reconnects.
/// </summary>
public sealed class LiveReload : IDisposable
{
    public const string EventsPath = "/__baoku/events";
    /// <summary>Marks the injected script, so tests and people can find it.</summary>
    public const string ScriptMarker = "baoku-live-reload";

    static readonly byte[] Ping = ": ping\n\n"u8.ToArray();

    public const string Script =
        "<script id=\"" + ScriptMarker + "\">(function(){if(!window.EventSource)return;var seen=null;" +
        "var es=new EventSource(\"" + EventsPath + "\");" +
        "es.onmessage=function(e){if(e.data===\"reload\"){es.close();location.reload();return;}" +
        "if(e.data.indexOf(\"build \")===0){if(seen!==null&&seen!==e.data){es.close();location.reload();return;}seen=e.data;}};" +
        "window.addEventListener(\"pagehide\",function(){es.close();});})();</script>";

    readonly object _gate = new();
    readonly List<HttpListenerResponse> _clients = [];
    readonly Timer _heartbeat;
    long _build;
    bool _disposed;

    public LiveReload()
    {
        // A comment line now and then finds clients that went away (the write fails) and keeps proxies from timing out.
        _heartbeat = new Timer(_ => Send(Ping), null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
    }

    public int ClientCount { get { lock (_gate) return _clients.Count; } }

    /// <summary>The served HTML with the live-reload script, and the error panel when there are errors, before <c>&lt;/body&gt;</c>.</summary>
    public static string Inject(string html, IReadOnlyList<Problem> errors, string? baseDir = null)
    {
        var snippet = errors.Count > 0 ? ErrorPanel.Html(errors, baseDir) + Script : Script;
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + snippet : html.Insert(at, snippet);
    }

    /// <summary>Keeps the response open as an event stream; the server must not close it.</summary>
    public void Accept(HttpListenerContext context)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.AddHeader("Cache-Control", "no-store");
        response.SendChunked = true;
        var hello = Encoding.UTF8.GetBytes($"retry: 1000\ndata: build {Interlocked.Read(ref _build)}\n\n");
        lock (_gate)
        {
            if (_disposed) { response.Abort(); return; }
            _clients.Add(response);
        }
        if (!TryWrite(response, hello)) Drop(response);
    }

    /// <summary>Tells every open page to reload (after a build, good or failed).</summary>
    public void Reload()
    {
        Interlocked.Increment(ref _build);
        Send("data: reload\n\n"u8.ToArray());
    }

    void Send(byte[] message)
    {
        HttpListenerResponse[] clients;
        lock (_gate) clients = [.. _clients];
        foreach (var c in clients)
            if (!TryWrite(c, message)) Drop(c);
    }

    static bool TryWrite(HttpListenerResponse response, byte[] message)
    {
        try
        {
            lock (response)
            {
                response.OutputStream.Write(message);
                response.OutputStream.Flush();
            }
            return true;
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    void Drop(HttpListenerResponse response)
    {
        lock (_gate) _clients.Remove(response);
        try { response.Abort(); } catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
    }

    public void Dispose()
    {
        HttpListenerResponse[] clients;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            clients = [.. _clients];
            _clients.Clear();
        }
        _heartbeat.Dispose();
        foreach (var c in clients)
        {
            try { c.Close(); } catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException) { }
        }
    }
}
