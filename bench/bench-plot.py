#!/usr/bin/env python3
"""Table and plot for bench/build-bench.sh: reads WORK/results.tsv (one line per size), writes a Markdown table and
an SVG of cold build time and peak RSS against N (log scales; Baoku and Hugo). Standard library only.

    bench-plot.py RESULTS.tsv --svg OUT.svg --md OUT.md
"""
import argparse, html, math

FIELDS = ("n commit date load md_bytes cold_s rss_kb out_files out_bytes search_files search_bytes rebuild_s "
          "edit_s edit_same day_s day_same template_s template_same hugo_none_s hugo_none_rss hugo_full_s "
          "hugo_full_rss q cold_first_ms cold_bytes open_first_ms open_bytes typed_first_ms typed_bytes status").split()


def num(v):
    try: return float(v)
    except (TypeError, ValueError): return None


def read(path):
    rows = []
    for line in open(path, encoding="utf-8").read().splitlines():
        if line.strip():
            rows.append(dict(zip(FIELDS, line.split("\t"))))
    return rows


def g(x):  # thousands separators
    return f"{x:,.0f}"


def mb(b):
    return f"{num(b) / 1048576:,.0f}" if num(b) is not None else "–"


def timed(r, key):
    s, c = num(r[key + "_s"]), num(r["cold_s"])
    if s is None: return "–"
    same = r.get(key + "_same", "yes")
    return f"{s:.1f} ({s / c:.2f}×){'' if same == 'yes' else ' **differs**'}"


def table(rows):
    out = ["| N | Markdown MiB | cold s | peak RSS MiB | output files / MiB | search/ files / MiB (× Markdown) | one edit s (× cold) "
           "| one day s (× cold) | template edit s (× cold) | `--full` over the site (× cold) | Hugo none s / RSS MiB | Hugo full s / RSS MiB "
           "| first query: cold page ms / typed ms / bytes | commit, load |",
           "|" + "---|" * 14]
    for r in rows:
        if r["status"] not in ("ok", "-") and num(r["out_files"]) is None:
            out.append(f"| {g(int(r['n']))} | {mb(r['md_bytes'])} | {r['status']} |" + " |" * 10 + f" {r['commit']}, {r['load']} |")
            continue
        c = num(r["cold_s"])
        hugo = lambda v: f"{num(r[v + '_s']):.1f} / {num(r[v + '_rss']) / 1024:,.0f}" if num(r[v + "_s"]) is not None else "–"
        rb = num(r["rebuild_s"])
        q = (f"{r['q']}: {g(num(r['cold_first_ms']))} / {g(num(r['typed_first_ms']))} / {g(num(r['cold_bytes']))}"
             if num(r["cold_first_ms"]) is not None else "–")
        sb, md = num(r["search_bytes"]), num(r["md_bytes"])
        out.append("| " + " | ".join([
            g(int(r["n"])), mb(r["md_bytes"]), f"{c:.1f}", f"{num(r['rss_kb']) / 1024:,.0f}",
            f"{g(num(r['out_files']))} / {mb(r['out_bytes'])}",
            f"{g(num(r['search_files']))} / {mb(r['search_bytes'])} ({sb / md:.2f}×)",
            timed(r, "edit"), timed(r, "day"), timed(r, "template"),
            f"{rb:.1f} ({rb / c:.2f}×)" if rb is not None else "–",
            hugo("hugo_none"), hugo("hugo_full"), q, f"{r['commit']}, {r['load']}"]) + " |")
    return "\n".join(out) + "\n"


def svg(rows):
    W, H, PW, PH, L, T = 900, 380, 330, 260, 80, 50
    xs = [int(r["n"]) for r in rows]
    x0, x1 = math.log10(min(xs) / 1.5), math.log10(max(xs) * 1.5)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
             'font-family="sans-serif" font-size="12">', f'<rect width="{W}" height="{H}" fill="white"/>']

    def panel(ox, title, unit, series, hline=None):
        vals = [v for _, _, _, pts in series for _, v in pts if v] + ([hline[0]] if hline else [])
        y0, y1 = math.log10(min(vals) / 1.5), math.log10(max(vals) * 1.5)
        X = lambda n: ox + (math.log10(n) - x0) / (x1 - x0) * PW
        Y = lambda v: T + PH - (math.log10(v) - y0) / (y1 - y0) * PH
        p = [f'<text x="{ox + PW / 2}" y="{T - 25}" text-anchor="middle" font-weight="bold">{html.escape(title)}</text>',
             f'<rect x="{ox}" y="{T}" width="{PW}" height="{PH}" fill="none" stroke="#999"/>']
        for e in range(math.floor(y0), math.ceil(y1) + 1):
            for m in (1, 2, 5):
                v = m * 10 ** e
                if y0 <= math.log10(v) <= y1:
                    p.append(f'<line x1="{ox}" x2="{ox + PW}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#eee"/>')
                    p.append(f'<text x="{ox - 5}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
        for n in xs:
            p.append(f'<line x1="{X(n):.1f}" x2="{X(n):.1f}" y1="{T}" y2="{T + PH}" stroke="#eee"/>')
            p.append(f'<text x="{X(n):.1f}" y="{T + PH + 16}" text-anchor="middle">{n // 1000}k</text>')
        p.append(f'<text x="{ox + PW / 2}" y="{T + PH + 34}" text-anchor="middle">articles (log scale)</text>')
        p.append(f'<text x="{ox - 55}" y="{T + PH / 2}" text-anchor="middle" transform="rotate(-90 {ox - 55} {T + PH / 2})">{unit} (log scale)</text>')
        if hline:
            p.append(f'<line x1="{ox}" x2="{ox + PW}" y1="{Y(hline[0]):.1f}" y2="{Y(hline[0]):.1f}" stroke="#c00" stroke-dasharray="4 3"/>')
            p.append(f'<text x="{ox + PW - 4}" y="{Y(hline[0]) - 4:.1f}" text-anchor="end" fill="#c00">{hline[1]}</text>')
        for i, (label, color, dash, pts) in enumerate(series):
            pts = [(n, v) for n, v in pts if v]
            if not pts: continue
            d = " ".join(f"{X(n):.1f},{Y(v):.1f}" for n, v in pts)
            p.append(f'<polyline points="{d}" fill="none" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>')
            p += [f'<circle cx="{X(n):.1f}" cy="{Y(v):.1f}" r="3" fill="{color}"/>' for n, v in pts]
            ly = T + 14 + 16 * i
            p.append(f'<line x1="{ox + 8}" x2="{ox + 28}" y1="{ly - 4}" y2="{ly - 4}" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>')
            p.append(f'<text x="{ox + 32}" y="{ly}">{html.escape(label)}</text>')
        return p

    ok = [r for r in rows if num(r["out_files"]) is not None]
    failed = [r for r in rows if r not in ok]
    s = lambda rs, k, f=1.0: [(int(r["n"]), num(r[k]) * f if num(r[k]) else None) for r in rs]
    parts += panel(L, "Cold build time", "seconds", [
        ("Baoku cold", "#1565c0", "", s(ok, "cold_s")),
        ("Baoku one edit", "#1565c0", "2 3", s(ok, "edit_s")),
        ("Hugo none (no related)", "#ef6c00", "", s(rows, "hugo_none_s")),
        ("Hugo full", "#ef6c00", "6 3", s(rows, "hugo_full_s")),
        ("Baoku failed at", "#c00", "1 6", s(failed, "cold_s"))])
    parts += panel(L + PW + 140, "Peak RSS (GNU time)", "MiB", [
        ("Baoku cold", "#1565c0", "", s(ok, "rss_kb", 1 / 1024)),
        ("Hugo none (no related)", "#ef6c00", "", s(rows, "hugo_none_rss", 1 / 1024)),
        ("Hugo full", "#ef6c00", "6 3", s(rows, "hugo_full_rss", 1 / 1024)),
        ("Baoku failed at", "#c00", "1 6", s(failed, "rss_kb", 1 / 1024))], hline=(1024, "1 GiB target"))
    commits = ", ".join(sorted({r["commit"] for r in rows}))
    parts.append(f'<text x="{W / 2}" y="{H - 8}" text-anchor="middle" fill="#555">bench/build-bench.sh, Baoku {html.escape(commits)}; single runs on a shared 2-core machine</text>')
    return "\n".join(parts + ["</svg>"]) + "\n"


if __name__ == "__main__":
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("results"); a.add_argument("--svg", required=True); a.add_argument("--md", required=True)
    o = a.parse_args()
    rows = read(o.results)
    open(o.md, "w", encoding="utf-8").write(table(rows))
    open(o.svg, "w", encoding="utf-8").write(svg(rows))
