namespace Baoku.Import.Write;

/// <summary>
/// The review page's inline style sheet and script. Local fonts only (no web fonts): the CJK fonts an editor's machine
/// has. Articles take the colours <c>a0</c>…<c>a7</c> in turn; non-article items are grey (<c>o</c>); yellow is kept for
/// what needs a look. The script only scrolls the raw column to an article's first line; the page reads without it.
/// </summary>
static class ImportReviewStyle
{
    public const int Colours = 8;

    public const string Css = """
        :root{--ink:#1f2328;--muted:#59636e;--rule:#d0d7de;--flag:#fff3a3;--flag-edge:#c98a00;
          font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;
          color:var(--ink);background:#f3f4f6}
        body{margin:0;font-size:15px;line-height:1.6}
        .wrap{max-width:1680px;margin:0 auto;padding:0 16px 48px}
        h1{font-size:1.6rem;margin:16px 0 4px}
        h2{font-size:1.25rem;margin:0 0 8px}
        h3{font-size:1.15rem;margin:2px 0}
        a{color:#0b57d0}
        .lede{margin:0 0 12px;color:var(--muted)}
        .box{background:#fff;border:1px solid var(--rule);border-radius:6px;padding:12px 16px;margin:16px 0}
        .counts{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:0 0 12px}
        .counts li{border:1px solid var(--rule);border-radius:6px;padding:4px 12px;background:#f6f8fa}
        .counts b{font-size:1.3rem;margin-right:4px}
        .counts li.flag{background:var(--flag);border-color:var(--flag-edge)}
        .flags{margin:0;padding-left:1.4em}
        .flags ol{margin:0 0 8px;padding-left:2em}
        .flags li{margin:2px 0}
        .flags .reason{color:var(--muted);font-size:.9em}
        .problems li{color:#a40e26}
        .flag{background:var(--flag)}
        .mark{display:inline-block;background:var(--flag);border:1px solid var(--flag-edge);border-radius:3px;padding:0 4px;font-size:.85em}
        .badge-plain{font-size:.85em;color:var(--muted)}
        .pages{columns:2 24em;margin:0;padding-left:1.4em}
        .page{background:#fff;border:1px solid var(--rule);border-radius:6px;padding:12px 16px;margin:24px 0}
        .page-date{margin:4px 0}
        .page-date.flag{border-left:4px solid var(--flag-edge);padding-left:8px}
        .evidence{font-size:.9em;color:var(--muted)}
        .evidence ul,.notes{margin:4px 0;padding-left:1.4em}
        .table{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.9em;margin:4px 0 8px}
        th,td{border:1px solid var(--rule);padding:4px 6px;text-align:left;vertical-align:top}
        td ul{margin:0;padding-left:1.2em}
        tr{scroll-margin-top:48px}
        tr.flag td{background:var(--flag)}
        tr.flag td:first-child{box-shadow:inset 4px 0 0 var(--flag-edge)}
        .cols{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,7fr);gap:16px;align-items:start;margin-top:8px}
        .raw{position:sticky;top:0;max-height:100vh;overflow:auto;border:1px solid var(--rule);border-radius:4px;background:#fff;
          font-family:"Noto Sans Mono CJK SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",monospace;font-size:14px;line-height:1.5}
        .raw h3,.items h3.col{font-size:.95rem;margin:0;padding:4px 8px;background:#f6f8fa;border-bottom:1px solid var(--rule)}
        .raw h3{position:sticky;top:0;z-index:1}
        .l{display:flex;gap:6px;align-items:baseline;background:var(--bg);border-left:5px solid var(--edge);padding-right:4px;scroll-margin-top:40px}
        .l .n{flex:none;width:3.2em;text-align:right;color:var(--muted);text-decoration:none;font-size:12px}
        .l .t{flex:1;white-space:pre-wrap;overflow-wrap:anywhere;min-height:1.5em}
        .l .tag,.badge{flex:none;font-size:12px;line-height:1.6;padding:0 5px;border-radius:3px;background:var(--edge);color:#fff;text-decoration:none;white-space:nowrap}
        .l .tag.decision{background:#fff;color:var(--ink);border:1px solid var(--muted)}
        .l .tag.decision.flag{background:var(--flag);border-color:var(--flag-edge)}
        .l.o .t{color:var(--muted)}
        .l:target{outline:2px solid var(--ink);outline-offset:-2px}
        .a0{--bg:#dbeafe;--edge:#1d4ed8;--strong:#93c5fd}
        .a1{--bg:#dcfce7;--edge:#15803d;--strong:#86efac}
        .a2{--bg:#f3e8ff;--edge:#7e22ce;--strong:#d8b4fe}
        .a3{--bg:#ccfbf1;--edge:#0f766e;--strong:#5eead4}
        .a4{--bg:#fce7f3;--edge:#be185d;--strong:#f9a8d4}
        .a5{--bg:#ffedd5;--edge:#c2410c;--strong:#fdba74}
        .a6{--bg:#e0e7ff;--edge:#4338ca;--strong:#a5b4fc}
        .a7{--bg:#fee2e2;--edge:#b91c1c;--strong:#fca5a5}
        .o{--bg:#eef0f2;--edge:#59636e;--strong:#d0d7de}
        .none{--bg:#fff;--edge:#fff;--strong:#fff}
        .item{border:1px solid var(--rule);border-left:6px solid var(--edge);border-radius:4px;padding:8px 12px;margin:8px 0 12px;background:#fff;scroll-margin-top:8px}
        .item.o{background:#f6f8fa;color:var(--muted)}
        .item:target{outline:3px solid var(--edge);outline-offset:2px}
        .item .meta{margin:0;display:flex;flex-wrap:wrap;gap:8px;align-items:baseline;font-size:.9em}
        .item .kicker,.item .subtitle{margin:0;color:var(--muted)}
        .item h3 a{color:inherit;text-decoration:none}
        .item h3 a:hover{text-decoration:underline}
        .why{margin:6px 0;padding:4px 8px 4px 1.6em;background:var(--flag);border-left:4px solid var(--flag-edge);color:var(--ink)}
        .fields{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 12px;margin:6px 0;font-size:.9em}
        .fields dt{color:var(--muted)}
        .fields dd{margin:0}
                .body{border-top:1px dashed var(--rule);margin-top:6px}
        .body p{margin:6px 0;text-indent:2em}
        .body h4{margin:10px 0 4px;font-size:1rem}
        .body h4 .md{color:var(--muted);font-weight:normal;margin-right:4px}
        .item .text{margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
        @media (max-width:899px){
          .cols{grid-template-columns:minmax(0,1fr)}
          .raw{position:relative;max-height:60vh}
          .page{padding:8px}
          .wrap{padding:0 8px 32px}
        }
        """;

    /// <summary>When an article is the target (a link to it was followed), scroll the raw column to its first line.</summary>
    public const string Script = """
        (function(){
          function show(){
            var id=decodeURIComponent(location.hash.slice(1)),t=id&&document.getElementById(id);
            var l=t&&t.getAttribute('data-first')&&document.getElementById(t.getAttribute('data-first'));
            var raw=l&&l.closest('.raw');
            if(raw)raw.scrollTop=l.offsetTop-40;
          }
          addEventListener('hashchange',show);show();
        })();
        """;
}
