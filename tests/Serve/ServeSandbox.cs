using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Baoku.Serve;
using Baoku.Tests.Support;

namespace Baoku.Tests.Serve;

/// <summary>
/// A copy of the repo's site in a temp folder with <c>baoku serve</c> running on it in-process on a free port, and an
/// HTTP client for it (no proxy: the machine may have one configured for everything).
/// </summary>
public sealed class ServeSandbox : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    readonly BuildSandbox _site = new();
    readonly StringWriter _log = new();

    public PreviewSession Session { get; }
    public HttpClient Http { get; }
    public string Root => _site.Root;
    public string Content => _site.Content;
    public string Templates => _site.Templates;
    public string SiteYml => _site.SiteYml;
    public string Output => Path.Combine(_site.Root, ".baoku-preview");
    public Uri Url => Session.Url;
    /// <summary>What the session printed so far.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    public ServeSandbox()
    {
        Session = PreviewSession.Start(new ServeOptions(Content, SiteYml, Templates, Output, false, 0), TextWriter.Synchronized(_log));
        Http = NewClient();
    }

    public static HttpClient NewClient() => new(new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = Patience };

    public async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(Url, path));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Saves a file the way many editors do: write a temporary file beside it, then rename it over the old one.</summary>
    public static void SaveLikeAnEditor(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Polls <paramref name="path"/> until its body satisfies <paramref name="condition"/>; fails after <see cref="Patience"/>.</summary>
    public async Task<string> WaitForPageAsync(string path, Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        string body = "";
        while (DateTime.UtcNow < deadline)
        {
            (_, _, body) = await GetAsync(path);
            if (condition(body)) return body;
            await Task.Delay(250);
        }
        throw new TimeoutException($"{what}: not seen on {path} within {Patience.TotalSeconds:0} s. Log:\n{Log}");
    }

    /// <summary>A raw HTTP/1.1 GET with the request target exactly as given (clients would normalise <c>..</c> away).</summary>
    public static async Task<(int Status, string Response)> RawGetAsync(Uri server, string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().WaitAsync(Patience);
        var statusLine = text.Split("\r\n")[0].Split(' ');
        return (int.Parse(statusLine[1]), text);
    }

    public void Dispose()
    {
        Http.Dispose();
        Session.Dispose();
        _site.Dispose();
    }
}

/// <summary>A client of the live-reload event stream that collects the <c>data:</c> lines it receives.</summary>
public sealed class EventStreamClient : IAsyncDisposable
{
    readonly HttpClient _http = ServeSandbox.NewClient();
    readonly CancellationTokenSource _stop = new();
    readonly Channel<string> _messages = Channel.CreateUnbounded<string>();
    Task? _reader;

    public string? ContentType { get; private set; }

    public static async Task<EventStreamClient> ConnectAsync(Uri server)
    {
        var client = new EventStreamClient();
        client._http.Timeout = Timeout.InfiniteTimeSpan;
        var response = await client._http.GetAsync(new Uri(server, LiveReload.EventsPath), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        client.ContentType = response.Content.Headers.ContentType?.MediaType;
        var stream = await response.Content.ReadAsStreamAsync();
        client._reader = Task.Run(async () =>
        {
            using var lines = new StreamReader(stream, Encoding.UTF8);
            try
            {
                while (await lines.ReadLineAsync(client._stop.Token) is { } line)
                    if (line.StartsWith("data: ", StringComparison.Ordinal)) client._messages.Writer.TryWrite(line["data: ".Length..]);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException) { }
            finally { client._messages.Writer.TryComplete(); response.Dispose(); }
        });
        return client;
    }

    /// <summary>The next message, or null when the stream ended or nothing came within the timeout.</summary>
    public async Task<string?> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try { return await _messages.Reader.ReadAsync(cancel.Token); }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException) { return null; }
    }

    /// <summary>Messages until <paramref name="message"/> arrives; fails on timeout.</summary>
    public async Task WaitForAsync(string message, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            var next = await NextAsync(deadline - DateTime.UtcNow);
            if (next is null) break;
            if (next == message) return;
            seen.Add(next);
        }
        throw new TimeoutException($"no \"{message}\" event within {timeout.TotalSeconds:0} s; got: {string.Join(" | ", seen)}");
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _http.Dispose();
        if (_reader is not null) await _reader.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        _stop.Dispose();
    }
}
