// Browser side of bench/search-bench.sh: what a search costs in headless Chromium, Baoku against Pagefind.
//
//   node bench/search-measure.mjs CONFIG.json
//
// CONFIG: {"n": 1000, "baoku": "/…/search-out-1000", "pagefind": "/…/corpus-1000/public" | null,
//          "content": "/…/corpus-1000/content", "queries": ["清廉民企", …], "fileQuery": "清廉", "ui": true,
//          "out": "/…/search-1000.json"}
//
// Each site is served by a static server in this process on 127.0.0.1 (plain files, no compression, no caching
// headers), which logs every response's path, status and body bytes: "bytes" below are those body bytes, HTTP
// headers not counted. Every query runs in a fresh browser context (empty cache).
//   Baoku:          open search/index.html?q=…; wait for #search-results[data-state=done]. Requests under search/
//                   (other than the page itself) are the "index"; the page, CSS, JS are the "page load".
//   Pagefind api:   on a blank page, import /pagefind/pagefind.js, init(), search(q), data() of the first 10 results.
//   Pagefind ui:    a page with the Pagefind Default UI; the query is typed once the page has loaded; time to the
//                   first rendered result (includes the UI's input debounce).
// It also counts, per query, the articles that contain it as a substring (see substringCounts below) and opens the
// Baoku page once over file://. Prints Markdown tables; writes everything to CONFIG.out as JSON.
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { readFileSync, writeFileSync, statSync, createReadStream, readdirSync } from "node:fs";
import { join, extname, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(new URL("./tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run"];
const TIMEOUT = 180_000;

// ---- static server with a response log ----------------------------------------------------------------------

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml", ".xml": "application/xml",
  ".wasm": "application/wasm", ".png": "image/png", ".jpg": "image/jpeg" };

const UI_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind UI</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet">
<script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>window.addEventListener("DOMContentLoaded", function () { new PagefindUI({ element: "#search", showSubResults: false }); });</script>
</body></html>
`;
const BLANK_PAGE = `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n`;

function serve(root) {
  const log = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const send = (status, type, body) => {
      res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
      res.end(body);
      log.push({ path, status, bytes: Buffer.byteLength(body) });
    };
    if (path === "/__bench/ui.html") return send(200, TYPES[".html"], UI_PAGE);
    if (path === "/__bench/blank.html") return send(200, TYPES[".html"], BLANK_PAGE);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return send(403, "text/plain", "forbidden");
    let st;
    try {
      st = statSync(file);
      if (st.isDirectory()) { file = join(file, "index.html"); st = statSync(file); }
    } catch { return send(404, "text/plain", "not found"); }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream", "Content-Length": st.size, "Cache-Control": "no-store" });
    createReadStream(file).pipe(res);
    log.push({ path, status: 200, bytes: st.size });
  });
  return new Promise(ok => server.listen(0, "127.0.0.1", () => ok({
    url: `http://127.0.0.1:${server.address().port}`, log, reset() { log.length = 0; }, close() { server.close(); }
  })));
}

const sum = (rows) => rows.reduce((s, r) => s + r.bytes, 0);
const ok = (rows) => rows.filter(r => r.status === 200);

// ---- substring counts ----------------------------------------------------------------------------------------

// Normalisation of docs/search-index.md: per code point NFKC, lower-case, keep letters and digits.
const KEEP = /^[\p{L}\p{N}]$/u;
function norm(text) {
  let out = "";
  for (const ch of text) for (const c of ch.normalize("NFKC")) for (const l of c.toLowerCase()) if (KEEP.test(l)) out += l;
  return out;
}

/* Articles (.md files with front matter, draft: true skipped) whose text contains each query, counted three ways:
   - grep:   the raw file contains the query string as typed (front matter included, no normalisation): what
             `grep -rlF QUERY content | wc -l` gives;
   - body:   some paragraph of the body (front matter cut off, Markdown markers and link targets stripped, normalised)
             contains every term of the query: "exact substring over the article bodies";
   - fields: the same over every field Baoku indexes: title, kicker, subtitle, body paragraphs, authors,
             photographers, column, campaigns, people, orgs, tags, and the date written 2023年1月12日, each field
             value a segment of its own. This is the rule of docs/search-index.md, computed independently. */
function substringCounts(contentDir, queries) {
  const terms = queries.map(q => [...new Set(q.split(/\s+/).map(norm).filter(t => t))]);
  const counts = queries.map(() => ({ grep: 0, body: 0, fields: 0 }));
  let articles = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".md")) article(readFileSync(p, "utf8"));
    }
  };
  const article = (raw) => {
    const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(raw);
    if (!m) return;
    const meta = {};
    for (const line of m[1].split(/\r?\n/)) {
      const kv = /^(\w+):\s*(.*)$/.exec(line);
      if (!kv) continue;
      let v = kv[2].trim();
      if (v.startsWith("[")) v = v.slice(1, -1).split(",").map(s => s.trim().replace(/^["']|["']$/g, "")).filter(s => s);
      else v = v.replace(/^["']|["']$/g, "");
      meta[kv[1]] = v;
    }
    if (meta.draft === "true") return;
    articles++;
    const body = m[2].split(/\r?\n/).map(l => l
      .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, "")
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")).map(norm).filter(l => l);
    const list = (k) => Array.isArray(meta[k]) ? meta[k] : meta[k] ? [meta[k]] : [];
    const [y, mo, d] = String(meta.date || "").split("-").map(Number);
    const other = [meta.title, meta.kicker, meta.subtitle, ...list("authors"), ...list("photographers"), ...list("column"),
      ...list("campaigns"), ...list("people"), ...list("orgs"), ...list("tags"), y ? `${y}年${mo}月${d}日` : ""]
      .filter(s => s).map(s => norm(String(s)));
    queries.forEach((q, i) => {
      if (raw.includes(q)) counts[i].grep++;
      const inBody = terms[i].every(t => body.some(l => l.includes(t)));
      if (terms[i].length && inBody) counts[i].body++;
      if (terms[i].length && terms[i].every(t => body.some(l => l.includes(t)) || other.some(l => l.includes(t)))) counts[i].fields++;
    });
  };
  walk(contentDir);
  return { articles, counts };
}

// ---- browser runs ---------------------------------------------------------------------------------------------

async function fresh(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { context, page };
}

async function quiet(page) {
  try { await page.waitForLoadState("networkidle", { timeout: 5000 }); } catch { /* a straggler: counted as far as it got */ }
}

async function baokuQuery(browser, server, q) {
  const { context, page } = await fresh(browser);
  server.reset();
  const t0 = Date.now();
  await page.goto(`${server.url}/search/index.html?q=${encodeURIComponent(q)}`, { timeout: TIMEOUT });
  await page.waitForSelector('#search-results[data-state="done"], #search-results[data-state="error"]', { state: "attached", timeout: TIMEOUT });
  const wall = Date.now() - t0;
  const r = await page.evaluate(() => {
    const e = document.getElementById("search-results");
    return { state: e.dataset.state, count: Number(e.dataset.count), ms: Number(e.dataset.ms), firstMs: Number(e.dataset.firstMs),
      hits: document.querySelectorAll("li.search-hit").length, more: !!document.getElementById("search-more") };
  });
  // Where the time went: the index files' loading, from the first request's start to the last response's end.
  r.loadMs = await page.evaluate(() => {
    const xs = performance.getEntriesByType("resource").filter(e => /\/search\/(meta\.js|[ipgd]\/)/.test(e.name));
    return xs.length ? Math.max(...xs.map(e => e.responseEnd)) - Math.min(...xs.map(e => e.startTime)) : 0;
  });
  await quiet(page);
  await context.close();
  const rows = ok(server.log);
  const isIndex = (p) => p.startsWith("/search/") && p !== "/search/" && p !== "/search/index.html";
  const index = rows.filter(x => isIndex(x.path)), pageLoad = rows.filter(x => !isIndex(x.path));
  const kind = (p) => p.replace(/^\/search\//, "").replace(/^(i|p|g|d)\/.*$/, "$1/").replace(/^meta\.js$/, "meta");
  const byKind = {};
  for (const x of index) { const k = kind(x.path); byKind[k] = byKind[k] || { files: 0, bytes: 0 }; byKind[k].files++; byKind[k].bytes += x.bytes; }
  return { ...r, wall, pageBytes: sum(pageLoad), pageRequests: pageLoad.length, indexBytes: sum(index), indexRequests: index.length,
    requests: server.log.length, failed: server.log.filter(x => x.status !== 200).map(x => `${x.status} ${x.path}`),
    byKind, top: index.sort((a, b) => b.bytes - a.bytes).slice(0, 5).map(x => [x.path.replace(/^\/search\//, ""), x.bytes]) };
}

/* The search page is already open (no query yet), as for a reader who searches from it: the query is submitted
   (typed: put into the box with an input event and a 400 ms pause before Enter, so the page may prefetch; not typed:
   submitted at once). Times are the page's own data-first-ms / data-ms; bytes are what the query fetched. */
async function baokuOpenPage(browser, server, q, typed) {
  const { context, page } = await fresh(browser);
  await page.goto(`${server.url}/search/index.html`, { timeout: TIMEOUT });
  await quiet(page);
  server.reset();
  if (typed) {
    await page.fill("#search-q", q);
    await page.waitForTimeout(400);
    await page.press("#search-q", "Enter");
  } else {
    await page.evaluate((q) => { document.getElementById("search-q").value = q; document.getElementById("search-form").requestSubmit(); }, q);
  }
  await page.waitForSelector('#search-results[data-state="done"], #search-results[data-state="error"]', { state: "attached", timeout: TIMEOUT });
  const r = await page.evaluate(() => {
    const e = document.getElementById("search-results");
    return { state: e.dataset.state, count: Number(e.dataset.count), ms: Number(e.dataset.ms), firstMs: Number(e.dataset.firstMs) };
  });
  await quiet(page);
  await context.close();
  const rows = ok(server.log);
  return { ...r, bytes: sum(rows), requests: rows.length };
}

/* Pagefind on an open page: pagefind.js imported and init() done before the clock starts; then search(q) and data()
   of the first 10, as its UI does for each query typed. */
async function pagefindOpenPage(browser, server, q) {
  const { context, page } = await fresh(browser);
  await page.goto(`${server.url}/__bench/blank.html`, { timeout: TIMEOUT });
  await page.evaluate(async () => { window.pf = await import("/pagefind/pagefind.js"); await window.pf.init(); });
  await quiet(page);
  server.reset();
  const r = await page.evaluate(async (q) => {
    const t0 = performance.now();
    const s = await window.pf.search(q);
    const first = s.results.length ? await s.results[0].data() : null;
    const firstMs = performance.now() - t0;
    await Promise.all(s.results.slice(0, 10).map(x => x.data()));
    return { count: s.results.length, firstMs, ms: performance.now() - t0, url: first && first.url };
  }, q);
  await quiet(page);
  await context.close();
  const rows = ok(server.log);
  return { ...r, bytes: sum(rows), requests: rows.length };
}

async function pagefindApi(browser, server, q) {
  const { context, page } = await fresh(browser);
  await page.goto(`${server.url}/__bench/blank.html`, { timeout: TIMEOUT });
  server.reset();
  const r = await page.evaluate(async (q) => {
    const t0 = performance.now();
    const pf = await import("/pagefind/pagefind.js");
    await pf.init();
    const s = await pf.search(q);
    const data = await Promise.all(s.results.slice(0, 10).map(x => x.data()));
    return { count: s.results.length, ms: performance.now() - t0, first: data.map(d => d.url).slice(0, 3) };
  }, q);
  await quiet(page);
  await context.close();
  const rows = ok(server.log);
  return { ...r, bytes: sum(rows), requests: rows.length, failed: server.log.filter(x => x.status !== 200).map(x => `${x.status} ${x.path}`),
    top: rows.sort((a, b) => b.bytes - a.bytes).slice(0, 5).map(x => [x.path, x.bytes]) };
}

async function pagefindUi(browser, server, q) {
  const { context, page } = await fresh(browser);
  server.reset();
  await page.goto(`${server.url}/__bench/ui.html`, { timeout: TIMEOUT });
  await page.waitForSelector(".pagefind-ui__search-input", { timeout: TIMEOUT });
  await quiet(page);
  const pageRows = ok(server.log).slice();
  server.reset();
  const ms = await page.evaluate((q) => new Promise((done, fail) => {
    const input = document.querySelector(".pagefind-ui__search-input");
    const t0 = performance.now();
    const seen = () => document.querySelector(".pagefind-ui__result");
    const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); done(performance.now() - t0); } });
    obs.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => { obs.disconnect(); fail(new Error("no result in 120 s")); }, 120000);
    input.value = q;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }), q);
  await quiet(page);
  const message = await page.evaluate(() => document.querySelector(".pagefind-ui__message")?.textContent || "");
  await context.close();
  const rows = ok(server.log);
  const count = Number((message.replace(/,/g, "").match(/\d+/) || [NaN])[0]);
  return { count, message, ms, pageBytes: sum(pageRows), pageRequests: pageRows.length, bytes: sum(rows), requests: rows.length };
}

async function baokuFile(browser, dir, q) {
  const { context, page } = await fresh(browser);
  const t0 = Date.now();
  const url = pathToFileURL(join(dir, "search", "index.html")).href + "?q=" + encodeURIComponent(q);
  await page.goto(url, { timeout: TIMEOUT });
  let state = "timeout";
  try {
    await page.waitForSelector('#search-results[data-state="done"], #search-results[data-state="error"]', { state: "attached", timeout: 60000 });
    state = await page.getAttribute("#search-results", "data-state");
  } catch { /* stays "timeout" */ }
  const wall = Date.now() - t0;
  const r = await page.evaluate(() => {
    const e = document.getElementById("search-results");
    return { count: Number(e.dataset.count), ms: Number(e.dataset.ms), hits: document.querySelectorAll("li.search-hit").length };
  });
  await context.close();
  return { url, state, wall, ...r };
}

// ---- main -----------------------------------------------------------------------------------------------------

const fmt = (x) => x == null || Number.isNaN(x) ? "–" : typeof x === "number" ? Math.round(x).toLocaleString("en-US") : String(x);
const ratio = (a, b) => a && b ? (a / b).toFixed(2) : "–";
const row = (cells) => "| " + cells.map(fmt).join(" | ") + " |";

const n = config.n;
const queries = config.queries;
const result = { n, queries, baoku: {}, baokuOpen: {}, baokuTyped: {}, pagefindApi: {}, pagefindOpen: {}, pagefindUi: {}, substring: null, file: null };

const t = Date.now();
result.substring = substringCounts(resolve(config.content), queries);
result.substringSeconds = (Date.now() - t) / 1000;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const baoku = await serve(resolve(config.baoku));
const pagefind = config.pagefind ? await serve(resolve(config.pagefind)) : null;
try {
  // One throw-away run each, so the first measured query does not pay for starting the browser's processes.
  await baokuQuery(browser, baoku, queries[0]);
  if (pagefind) await pagefindApi(browser, pagefind, queries[0]);
  for (const q of queries) {
    result.baoku[q] = await baokuQuery(browser, baoku, q);
    result.baokuOpen[q] = await baokuOpenPage(browser, baoku, q, false);
    result.baokuTyped[q] = await baokuOpenPage(browser, baoku, q, true);
    if (pagefind) {
      result.pagefindApi[q] = await pagefindApi(browser, pagefind, q);
      result.pagefindOpen[q] = await pagefindOpenPage(browser, pagefind, q);
      if (config.ui) result.pagefindUi[q] = await pagefindUi(browser, pagefind, q);
    }
    process.stderr.write(`  ${n}: ${q} done\n`);
  }
  if (config.fileQuery) result.file = await baokuFile(browser, resolve(config.baoku), config.fileQuery);
} finally {
  await browser.close();
  baoku.close();
  pagefind?.close();
}
writeFileSync(config.out, JSON.stringify(result, null, 1));

// ---- tables ---------------------------------------------------------------------------------------------------

const out = [];
const p = (s) => out.push(s);
p(`### N = ${n.toLocaleString("en-US")}: per query (fresh browser context each; bytes = response bodies)`);
p("");
p("Baoku: results = data-count; bytes = index files under search/ (meta.js, i/, p/, g/, d/); ms = data-ms (query start → first 10 results rendered).");
p("Pagefind api: import pagefind.js, init, search, data() of the first 10; bytes = everything fetched for that; ms = the whole of it.");
p("");
p("| query | results Baoku | results Pagefind | bytes Baoku index (req) | bytes Pagefind api (req) | Baoku/Pagefind bytes | ms Baoku | ms Pagefind api |");
p("|---|---|---|---|---|---|---|---|");
for (const q of queries) {
  const b = result.baoku[q], a = result.pagefindApi[q];
  p(row([q, b.count, a?.count, `${fmt(b.indexBytes)} (${b.indexRequests})`, a ? `${fmt(a.bytes)} (${a.requests})` : "not run",
    ratio(b.indexBytes, a?.bytes), b.ms, a?.ms]));
}
p("");
p("Time to results (ms; each cell: first result on screen / first 10 complete). Cold page = the row above: search/index.html?q=… in a fresh");
p("context, nothing cached, page load not counted. Open page = search page already loaded, query submitted (its index files not loaded yet).");
p("Typed = the same, the query typed with a 400 ms pause before Enter (meanwhile the page looks the typed text up: index files and first page's d/ files).");
p("Pagefind cold = the api row above; Pagefind open = after import and init(), search(q) then data() of the first / first 10 results.");
p("");
p("| query | Baoku cold page | Baoku open page | Baoku typed | Pagefind cold | Pagefind open page | Baoku open / Pagefind open (10) | bytes Baoku open / typed | bytes Pagefind open |");
p("|---|---|---|---|---|---|---|---|---|");
const pair = (x) => x ? `${fmt(x.firstMs)} / ${fmt(x.ms)}` : "not run";
for (const q of queries) {
  const b = result.baoku[q], o = result.baokuOpen[q], t = result.baokuTyped[q], a = result.pagefindApi[q], po = result.pagefindOpen[q];
  p(row([q, pair(b), pair(o), pair(t), a ? `– / ${fmt(a.ms)}` : "not run", pair(po), ratio(o.ms, po?.ms), `${fmt(o.bytes)} / ${fmt(t.bytes)}`, po?.bytes]));
}
p("");
p("Whole page, as a visitor gets it. Baoku: search/index.html?q=… = page load (HTML, CSS, JS) + index; ms to done measured by the script from navigation start.");
p("Pagefind ui: the Default UI page (HTML + pagefind-ui.js/.css) + what typing the query fetches; ms from typing to the first result (includes the UI's debounce).");
p("");
p("| query | Baoku page load | Baoku total (req) | Baoku nav→done ms | Pagefind ui page load | Pagefind ui after typing (req) | Pagefind ui total | Baoku/Pagefind total | Pagefind ui ms | Pagefind ui results |");
p("|---|---|---|---|---|---|---|---|---|---|");
for (const q of queries) {
  const b = result.baoku[q], u = result.pagefindUi[q];
  const bt = b.pageBytes + b.indexBytes, ut = u ? u.pageBytes + u.bytes : null;
  p(row([q, b.pageBytes, `${fmt(bt)} (${b.requests})`, b.wall, u?.pageBytes, u ? `${fmt(u.bytes)} (${u.requests})` : "not run", ut, ratio(bt, ut), u?.ms, u?.count]));
}
p("");
p(`Result counts against substring counts (${result.substring.articles.toLocaleString("en-US")} articles; computed in ${result.substringSeconds.toFixed(1)} s):`);
p("grep = raw Markdown file contains the query as typed (front matter included); body = a body paragraph contains every term after normalisation;");
p("fields = every term in some indexed field (title, kicker, subtitle, paragraphs, names, terms, date as 2023年1月12日), normalised: Baoku's rule.");
p("");
p("| query | grep -lF | body | fields | Baoku | Baoku − fields | Pagefind | Pagefind − fields |");
p("|---|---|---|---|---|---|---|---|");
queries.forEach((q, i) => {
  const c = result.substring.counts[i], b = result.baoku[q], a = result.pagefindApi[q];
  p(row([q, c.grep, c.body, c.fields, b.count, b.count - c.fields, a?.count, a ? a.count - c.fields : null]));
});
p("");
p("Baoku index files fetched per query, by kind (files / bytes), and the largest files:");
p("");
p("| query | meta | i/ | p/ | g/ | d/ | ms loading index files (of data-ms) | largest files (bytes) |");
p("|---|---|---|---|---|---|---|---|");
for (const q of queries) {
  const b = result.baoku[q], k = (x) => b.byKind[x] ? `${b.byKind[x].files} / ${fmt(b.byKind[x].bytes)}` : "0";
  p(row([q, k("meta"), k("i/"), k("p/"), k("g/"), k("d/"), `${fmt(b.loadMs)} (${fmt(b.ms)})`, b.top.map(([f, s]) => `${f} ${fmt(s)}`).join(", ")]));
}
const failed = queries.flatMap(q => [...result.baoku[q].failed.map(f => `Baoku ${q}: ${f}`), ...(result.pagefindApi[q]?.failed || []).map(f => `Pagefind ${q}: ${f}`)]);
if (failed.length) { p(""); p("Non-200 responses (not counted in bytes): " + failed.join("; ")); }
const wrongCount = queries.filter(q => result.baokuOpen[q].count !== result.baoku[q].count || result.baokuTyped[q].count !== result.baoku[q].count);
if (wrongCount.length) { p(""); p("Baoku queries whose count differs between cold, open and typed runs: " + wrongCount.join(", ")); }
const bad = queries.filter(q => [result.baoku[q], result.baokuOpen[q], result.baokuTyped[q]].some(x => x.state !== "done"));
if (bad.length) { p(""); p("Baoku queries that did not reach data-state=done: " + bad.join(", ")); }
if (result.file) {
  p("");
  p(`file:// check (one query): ${result.file.url.replace(/^.*\/search\//, "…/search/")} → data-state=${result.file.state}, data-count=${fmt(result.file.count)}, ` +
    `data-ms=${fmt(result.file.ms)}, ${result.file.hits} hits shown, ${fmt(result.file.wall)} ms from navigation to done`);
}
console.log(out.join("\n"));
process.stderr.write("\n");
