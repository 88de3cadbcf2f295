// Runs the core browser checks of the built site in Firefox ESR or WebKitGTK, and prints one JSON line per check.
//
//   node tests/tools/engines/run.mjs --engine firefox|webkit --http-base URL --file-base URL --expect FILE
//
// --http-base is the site served under its sub-path (http://127.0.0.1:PORT/baoku/), --file-base the same site built for
// reading from disk (file:///…/). FILE is the JSON the C# tests write (tests/Support/Web/EnginesFixture.cs): the queries
// with the C# SearchEngine's answers, the article for 大字号 and the pages for JavaScript off.
//
// Firefox: puppeteer-core over WebDriver BiDi, /usr/bin/firefox-esr headless (Debian package firefox-esr).
// WebKit: selenium-webdriver against /usr/bin/WebKitWebDriver driving MiniBrowser (Debian package webkit2gtk-driver);
// MiniBrowser needs a display, so run this script under `xvfb-run -a` (Debian package xvfb).
//
// One browser for the checks with JavaScript on, and a second one with JavaScript off. Every wait is for a state of the
// page (data-state=done, an element, a URL), polled, with a generous limit (--timeout, 60 s), never a fixed sleep.
// Output on stdout, one JSON object a line:
//   {"engine":"webkit","browser":"MiniBrowser 2.50.6","userAgent":"…"}                                 (once a launch)
//   {"engine":"webkit","check":"search-http","ok":true,"ms":1834,"details":"…"}                        (once a check)
// Exit code 0 when every check passed, 1 when one failed, 2 when the arguments are wrong.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

const FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const CHECKS = ['search-http', 'search-file', 'back-forward', 'large-text', 'no-js'];

// ---- arguments ------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { timeout: 60000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${key} needs a value`);
    if (key === '--engine') args.engine = value;
    else if (key === '--http-base') args.httpBase = value;
    else if (key === '--file-base') args.fileBase = value;
    else if (key === '--expect') args.expect = value;
    else if (key === '--timeout') args.timeout = Number(value);
    else if (key === '--only') args.only = value.split(',');
    else usage(`unknown option ${key}`);
  }
  if (!['firefox', 'webkit'].includes(args.engine)) usage('--engine must be firefox or webkit');
  for (const k of ['httpBase', 'fileBase', 'expect']) if (!args[k]) usage(`--${k.replace(/[A-Z]/g, c => '-' + c.toLowerCase())} is required`);
  for (const k of ['httpBase', 'fileBase']) if (!args[k].endsWith('/')) args[k] += '/';
  return args;
}

function usage(message) {
  process.stderr.write(`run.mjs: ${message}\nusage: node run.mjs --engine firefox|webkit --http-base URL --file-base URL --expect FILE [--timeout MS] [--only CHECK,…]\n`);
  process.exit(2);
}

// ---- waiting --------------------------------------------------------------------------------------------------

class CheckFailure extends Error {}

/** Fails the check with a message for the report. */
function fail(message) { throw new CheckFailure(message); }

/** Rejects after `ms` with `what`, so that no call into a browser can hang a check forever. */
function within(ms, promise, what) {
  let timer;
  const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new CheckFailure(`${what}: no answer within ${ms / 1000} s`)), ms); });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

const tick = ms => new Promise(resolve => setTimeout(resolve, ms));

/** The limit of one try of a polled page script (waitFor): far above a script's time even on a loaded machine. */
const TRY_MS = 10000;

// ---- engines: the same small interface over puppeteer (Firefox) and selenium (WebKit) -------------------------

/** A script body (it may use `arguments` and must `return`) run in the page; args are JSON values. */
function asExpression(body, args) { return `(function () {\n${body}\n}).apply(null, ${JSON.stringify(args)})`; }

async function openFirefox({ javascript, timeout }) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, timeout, protocolTimeout: timeout,
    defaultViewport: { width: 1024, height: 800 },
    extraPrefsFirefox: javascript ? {} : { 'javascript.enabled': false },
  });
  const errors = [];
  let page;
  // A fresh tab for every check: after a history traversal that the back-forward cache served, puppeteer's tracking
  // of the tab's navigations is stuck (page.goBack() and the next page.goto() never see their load event).
  const fresh = async () => {
    const old = page;
    page = await browser.newPage();
    page.on('pageerror', e => errors.push('uncaught: ' + (e && e.message || e)));
    page.on('console', m => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    page.setDefaultTimeout(timeout);
    page.setDefaultNavigationTimeout(timeout);
    if (old) await old.close().catch(() => {});
  };
  try {
    const blank = (await browser.pages())[0];
    await fresh();
    if (blank) await blank.close().catch(() => {});
  } catch (e) { await closeFirefox(browser); throw e; }
  const evaluate = (body, args) => page.evaluate(asExpression(body, args));
  return {
    browser: `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`,
    fresh,
    goto: url => page.goto(url, { waitUntil: 'load' }),
    eval: (body, ...args) => evaluate(body, args),
    // A real mouse click at the element's centre. (page.click waits on a promise in the page, which never settles
    // with JavaScript off.)
    click: async selector => {
      const at = await evaluate(`var e = document.querySelector(arguments[0]); if (!e) return null;
        e.scrollIntoView({ block: 'center', inline: 'center' }); var r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;`, [selector]);
      if (!at) throw new CheckFailure(`nothing to click: ${selector} is missing or has no size`);
      await page.mouse.click(at.x, at.y);
    },
    typeAndEnter: async (selector, text) => { await page.type(selector, text); await page.keyboard.press('Enter'); },
    errors: () => errors.splice(0),
    close: () => closeFirefox(browser),
  };
}

async function closeFirefox(browser) {
  const child = browser.process();
  try { await within(15000, browser.close(), 'closing Firefox'); }
  catch { if (child && child.exitCode === null) try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); } }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

/** The pids whose parent is `pid` (from /proc), to end MiniBrowser if WebKitWebDriver leaves it behind. */
function childrenOf(pid) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(Number(entry));
    } catch { /* gone meanwhile */ }
  }
  return found;
}

async function openWebkit({ javascript, timeout }) {
  const { Builder, By, Key } = await import('selenium-webdriver');
  if (!process.env.DISPLAY) throw new Error('WebKit (MiniBrowser) needs a display: run this script under xvfb-run -a');
  const port = await freePort();
  const server = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  server.stdout.on('data', d => log.push(String(d)));
  server.stderr.on('data', d => log.push(String(d)));
  const stopServer = async () => {
    const browsers = server.exitCode === null ? childrenOf(server.pid) : [];
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await within(10000, new Promise(resolve => server.once('exit', resolve)), 'stopping WebKitWebDriver').catch(() => server.kill('SIGKILL'));
    }
    for (const pid of browsers) try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  let driver;
  try {
    const url = `http://127.0.0.1:${port}`;
    for (const start = Date.now(); ; await tick(100)) { // WebKitWebDriver is up when it answers /status
      if (server.exitCode !== null) throw new Error(`WebKitWebDriver exited (${server.exitCode}): ${log.join('')}`);
      try { if ((await fetch(url + '/status')).ok) break; } catch { /* not listening yet */ }
      if (Date.now() - start > timeout) throw new Error(`WebKitWebDriver did not answer on ${url} within ${timeout / 1000} s: ${log.join('')}`);
    }
    const args = ['--automation', ...(javascript ? [] : ['--enable-javascript=false'])];
    driver = await within(timeout, new Builder()
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } })
      .usingServer(url).build(), 'starting MiniBrowser');
    await driver.manage().setTimeouts({ pageLoad: timeout, script: timeout, implicit: 0 });
    await driver.manage().window().setRect({ width: 1024, height: 800 }).catch(() => { /* MiniBrowser may refuse; the size is not checked */ });
    const caps = await driver.getCapabilities();
    return {
      browser: `MiniBrowser (WebKitGTK ${caps.get('browserVersion')})`,
      fresh: () => driver.get('about:blank'),
      goto: u => driver.get(u),
      eval: (body, ...a) => driver.executeScript(body, ...a),
      click: async selector => driver.findElement(By.css(selector)).click(),
      typeAndEnter: async (selector, text) => driver.findElement(By.css(selector)).sendKeys(text, Key.ENTER),
      errors: () => [], // classic WebDriver has no console; a broken page shows as data-state error or a timeout
      close: async () => {
        try { await within(15000, driver.quit(), 'closing MiniBrowser'); } catch { /* the server's children are ended below */ }
        await stopServer();
      },
    };
  } catch (e) {
    if (driver) await within(15000, driver.quit(), 'closing MiniBrowser').catch(() => {});
    await stopServer();
    throw e;
  }
}

// ---- helpers over a page ----------------------------------------------------------------------------------------

/** Polls `body` (a page script) until it returns a truthy value; errors while a page is loading count as "not yet". */
async function waitFor(b, timeout, what, body, ...args) {
  const start = Date.now();
  let last, error;
  for (;;) {
    try {
      // Each try has its own short limit: WebKitWebDriver now and then never answers one script (after a page the
      // back-forward cache restored, about one run in four), and the next try gets an answer.
      last = await within(Math.min(TRY_MS, Math.max(1000, timeout - (Date.now() - start))), b.eval(body, ...args), what);
      error = undefined;
      if (last) return last;
    } catch (e) { error = e; }
    if (Date.now() - start > timeout)
      fail(`${what}: not so within ${timeout / 1000} s (last: ${error ? error.message : JSON.stringify(last)})`);
    await tick(100);
  }
}

const Q = {
  state: "var o = document.getElementById('search-results'); return o ? o.getAttribute('data-state') : null;",
  settled: "var o = document.getElementById('search-results'); var s = o && o.getAttribute('data-state'); return s === 'done' || s === 'error' ? s : null;",
  hrefs: "return Array.from(document.querySelectorAll('li.search-hit a.search-hit-title'), function (a) { return a.getAttribute('href'); });",
  summary: `var o = document.getElementById('search-results'), box = document.getElementById('search-q'), st = document.getElementById('search-status');
            return { state: o && o.getAttribute('data-state'), count: o && o.getAttribute('data-count'), box: box ? box.value : null,
                     status: st ? st.textContent.trim() : '', shown: document.querySelectorAll('li.search-hit').length, more: !!document.getElementById('search-more'),
                     url: location.href, text: o ? o.textContent.trim().slice(0, 200) : '' };`,
  visible: `return Array.prototype.map.call(arguments, function (sel) {
              var x = document.querySelector(sel); if (!x) return false;
              var s = getComputedStyle(x); return x.getClientRects().length > 0 && s.visibility !== 'hidden' && s.display !== 'none'; });`,
  location: "return { href: location.href, ready: document.readyState };",
  fontSize: "var x = document.querySelector(arguments[0]); return x ? parseFloat(getComputedStyle(x).fontSize) : null;",
};

function searchUrl(base, c) {
  return base + 'search/index.html?q=' + encodeURIComponent(c.query)
    + (c.campaign == null ? '' : '&campaign=' + c.campaign) + (c.year == null ? '' : '&year=' + c.year);
}

function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

function firstDifference(shown, expected) {
  const i = shown.findIndex((h, k) => h !== expected[k]);
  const at = i < 0 ? Math.min(shown.length, expected.length) : i;
  return `${shown.length} shown, ${expected.length} expected; first difference at hit ${at + 1}: shown ${shown[at] ?? '(none)'}, expected ${expected[at] ?? '(none)'}`;
}

/** Clicks 显示更多 until every hit is shown, waiting each time for the list to grow. */
async function showAll(b, t, what) {
  for (let clicks = 0; (await b.eval(Q.summary)).more; clicks++) {
    if (clicks > 1000) fail(`${what}: 显示更多 never goes away`);
    const before = (await b.eval(Q.summary)).shown;
    await b.click('#search-more');
    await waitFor(b, t, `${what}: 显示更多 adds hits`,
      "var o = document.getElementById('search-results'); return document.querySelectorAll('li.search-hit').length > arguments[0] && o.getAttribute('data-state') === 'done';", before);
  }
}

/** Loads the search page for a case and compares the page with the C# engine's answer. Returns a short note. */
async function searchCase(b, t, base, c) {
  const what = `“${c.query}”${c.campaign == null ? '' : ` campaign ${c.campaign}`}${c.year == null ? '' : ` year ${c.year}`} (${c.name})`;
  await b.goto(searchUrl(base, c));
  const state = await waitFor(b, t, `${what}: data-state done`, Q.settled);
  const page = await b.eval(Q.summary);
  if (state !== 'done') fail(`${what}: data-state ${state}: ${page.text}`);
  if (page.box !== c.query) fail(`${what}: the search box holds “${page.box}”`);
  if (Number(page.count) !== c.count) fail(`${what}: data-count ${page.count}, the C# engine finds ${c.count}`);
  const firstPage = await b.eval(Q.hrefs);
  if (!same(firstPage, c.hrefs.slice(0, 10))) fail(`${what}: the first page of hits differs from the C# engine's: ${firstDifference(firstPage, c.hrefs.slice(0, 10))}`);
  if (c.count === 0 && !page.status.includes('没有找到')) fail(`${what}: no hits, but the status says “${page.status}”`);
  await showAll(b, t, what);
  const all = await b.eval(Q.hrefs);
  if (!same(all, c.hrefs)) fail(`${what}: after 显示更多 the hits differ from the C# engine's: ${firstDifference(all, c.hrefs)}`);
  return `${c.query} ${c.count}`;
}

function noErrors(b, where) {
  const errors = b.errors();
  if (errors.length) fail(`${where}: the page reported ${errors.join(' | ')}`);
}

// ---- the checks ---------------------------------------------------------------------------------------------------

const checks = {
  async 'search-http'(b, x) {
    const notes = [];
    for (const c of x.expect.search.http) { notes.push(await searchCase(b, x.timeout, x.httpBase, c)); noErrors(b, c.query); }
    return `${notes.length} queries under ${new URL(x.httpBase).pathname} (query hits): ${notes.join(', ')}`;
  },

  async 'search-file'(b, x) {
    const notes = [];
    for (const c of x.expect.search.file) { notes.push(await searchCase(b, x.timeout, x.fileBase, c)); noErrors(b, c.query); }
    return `${notes.length} queries over file:// (query hits): ${notes.join(', ')}`;
  },

  // Search by typing, open the first hit, Back: the box holds the query and the hits show again; Forward and Back again.
  async 'back-forward'(b, x) {
    const { query, hrefs } = x.expect.backForward;
    const t = x.timeout, searchPage = x.httpBase + 'search/index.html';
    await b.goto(searchPage);
    await waitFor(b, t, 'the search form shows', "var f = document.getElementById('search-form'); return f && !f.hidden;");
    await b.typeAndEnter('#search-q', query);
    await waitFor(b, t, `“${query}” typed and Enter: data-state done`, Q.settled);
    const typed = await b.eval(Q.summary);
    if (typed.state !== 'done' || !same(await b.eval(Q.hrefs), hrefs)) fail(`typing “${query}” and Enter: data-state ${typed.state}, hits ${JSON.stringify(await b.eval(Q.hrefs))}`);
    const searched = typed.url;
    if (!searched.includes('?q=')) fail(`after Enter the address does not name the query: ${searched}`);
    const first = new URL(hrefs[0], searchPage).href;

    const backToResults = async step => {
      await waitFor(b, t, `${step}: back on ${searched}`, "return location.href === arguments[0] && document.readyState === 'complete';", searched);
      await waitFor(b, t, `${step}: the results are settled`, Q.settled);
      const back = await b.eval(Q.summary);
      const shown = await b.eval(Q.hrefs);
      const problems = [];
      if (back.box !== query) problems.push(`the search box holds “${back.box ?? ''}” instead of “${query}”`);
      if (back.state !== 'done' || !same(shown, hrefs)) problems.push(`the results are not shown again (data-state ${back.state}, ${shown.length} of ${hrefs.length} hits)`);
      if (problems.length) fail(`${step}: ${problems.join('; ')}`);
    };
    const onArticle = step => waitFor(b, t, `${step}: on the article ${first}`, "return location.href === arguments[0] && document.readyState === 'complete' && !!document.querySelector('article h1');", first);

    await b.click('li.search-hit a.search-hit-title');
    await onArticle('clicking the first hit');
    await b.eval('history.back(); return true;');
    await backToResults('Back from the first hit');
    await b.eval('history.forward(); return true;');
    await onArticle('Forward to the hit');
    await b.eval('history.back(); return true;');
    await backToResults('Back again');
    noErrors(b, 'back/forward');
    return `“${query}” → ${hrefs[0]} → Back → Forward → Back: the box holds the query and ${hrefs.length} hits show`;
  },

  // 大字号 on an article: the body text grows, the choice is stored, and the next page (a link away) opens with it on.
  async 'large-text'(b, x) {
    const t = x.timeout, article = x.httpBase + x.expect.largeText.article;
    await b.goto(article);
    await b.eval("try { localStorage.removeItem('baoku-large-text'); } catch (e) {} return true;");
    await b.goto(article);
    const before = await b.eval(Q.fontSize, '.article-body p');
    const pageBefore = await b.eval(Q.fontSize, '.page');
    if (!before) fail(`${article}: no .article-body p`);
    if (await b.eval("return document.getElementById('large-text').checked;")) fail('大字号 is on before it is clicked');
    await b.click('label.large-text-label');
    await waitFor(b, t, '大字号 clicked: the box is checked', "return document.getElementById('large-text').checked;");
    const after = await b.eval(Q.fontSize, '.article-body p');
    if (!(after > before)) fail(`大字号 does not enlarge the body text: ${before}px → ${after}px`);
    const stored = await b.eval("try { return localStorage.getItem('baoku-large-text'); } catch (e) { return 'error: ' + e; }");
    if (stored !== '1') fail(`大字号 is not remembered: localStorage baoku-large-text is ${JSON.stringify(stored)}`);

    const link = await b.eval("var a = document.querySelector('.prev-next a'); return a ? a.href : null;");
    if (!link) fail(`${article} has no .prev-next link to the next page`);
    await b.click('.prev-next a');
    await waitFor(b, t, `the next page ${link} has loaded`, "return location.href === arguments[0] && document.readyState === 'complete';", link);
    await waitFor(b, t, `on the next page ${link} 大字号 is still on`, "var x = document.getElementById('large-text'); return x && x.checked;");
    const next = await b.eval(Q.fontSize, '.page');
    const nextBody = await b.eval(Q.fontSize, '.article-body p');
    if (!(next > pageBefore)) fail(`on the next page the text is not larger: ${pageBefore}px before 大字号, ${next}px after`);
    noErrors(b, '大字号');
    await b.eval("try { localStorage.removeItem('baoku-large-text'); } catch (e) {} return true;");
    return `body text ${before}px → ${after}px; next page ${link.slice(x.httpBase.length)}: box still checked, text ${pageBefore}px → ${next}px (body ${nextBody}px)`;
  },

  // JavaScript off (its own browser): the search page offers the ways to browse, and the home page and an article read.
  async 'no-js'(b, x) {
    const e = x.expect.noJs, notes = [];
    const onSearch = async (base, where) => {
      await b.goto(base + e.search);
      const [form, noscript, browse, header, fallback] = await b.eval(Q.visible, '#search-form', '.search-noscript', '#search-browse', 'header .site-search', 'header .site-search-fallback');
      if (header || !fallback) fail(`${where}: the header shows ${header ? 'the search box' : 'no 浏览全部报道 link'}: is JavaScript really off?`);
      if (form) fail(`${where}: the search form shows without JavaScript`);
      if (!noscript) fail(`${where}: the page does not say that search needs JavaScript (.search-noscript)`);
      if (!browse) fail(`${where}: the ways to browse (#search-browse) do not show`);
      const hits = await b.eval("return document.querySelectorAll('li.search-hit').length;");
      if (hits) fail(`${where}: ${hits} hits show without JavaScript`);
      const links = await b.eval("return Array.from(document.querySelectorAll('#search-browse a'), function (a) { return a.href; });");
      for (const path of e.browse)
        if (!links.includes(base + path)) fail(`${where}: no browse link to ${base + path} (links: ${links.join(', ')})`);
      notes.push(`${where}: ${links.length} browse links`);
    };
    await onSearch(x.httpBase, 'search page over http');
    await onSearch(x.fileBase, 'search page over file://');

    await b.goto(x.httpBase);
    const home = await b.eval(`var h = document.querySelector('h1');
      var css = Array.prototype.some.call(document.styleSheets, function (s) { try { return /assets\\/style\\.css$/.test(s.href) && s.cssRules.length > 0; } catch (e) { return false; } });
      return { h1: h ? h.textContent.trim() : null, css: css,
               links: Array.from(document.querySelectorAll('main .article-list .item-title a')).filter(function (a) { return a.getClientRects().length > 0; }).length };`);
    if (home.h1 !== e.home.h1) fail(`home page: h1 “${home.h1}”, expected “${e.home.h1}”`);
    if (!home.css) fail('home page: the stylesheet assets/style.css is not applied');
    if (home.links < 1) fail('home page: no article link shows in 最新报道');
    notes.push(`home: ${home.links} article links`);

    await b.goto(x.httpBase + e.article.path);
    const art = await b.eval(`var h = document.querySelector('article h1'); var ps = Array.from(document.querySelectorAll('.article-body p'));
      return { h1: h ? h.textContent.trim() : null, h1Shown: !!h && h.getClientRects().length > 0, paragraphs: ps.length,
               shown: ps.filter(function (p) { return p.getClientRects().length > 0; }).length, chars: ps.reduce(function (n, p) { return n + p.textContent.trim().length; }, 0) };`);
    if (art.h1 !== e.article.h1 || !art.h1Shown) fail(`article: h1 “${art.h1}” (${art.h1Shown ? 'shown' : 'not shown'}), expected “${e.article.h1}”`);
    if (art.paragraphs < 1 || art.shown !== art.paragraphs || art.chars < 50) fail(`article: ${art.shown} of ${art.paragraphs} paragraphs show, ${art.chars} characters`);
    // 大字号 is CSS alone (a checkbox and :checked), so it works without JavaScript too.
    const before = await b.eval(Q.fontSize, '.article-body p');
    await b.click('label.large-text-label');
    await waitFor(b, x.timeout, 'article without JavaScript: 大字号 checked', "return document.getElementById('large-text').checked;");
    const after = await b.eval(Q.fontSize, '.article-body p');
    if (!(after > before)) fail(`article without JavaScript: 大字号 does not enlarge the body text (${before}px → ${after}px)`);
    notes.push(`article: ${art.paragraphs} paragraphs, ${art.chars} characters, 大字号 ${before}px → ${after}px`);
    noErrors(b, 'JavaScript off');
    return notes.join('; ');
  },
};

// ---- main ---------------------------------------------------------------------------------------------------------

/** The browsers open now, closed on a signal. */
const live = new Set();

/** Remembers the last thing asked of the browser, for the report when a call fails. */
function tracked(b) {
  for (const name of ['goto', 'eval', 'click', 'typeAndEnter', 'fresh']) {
    const call = b[name];
    b[name] = (...args) => { b.last = `${name} ${String(args[0]).replace(/\s+/g, ' ').slice(0, 120)}`; return call(...args); };
  }
  const close = b.close;
  live.add(b);
  b.close = () => { live.delete(b); return close(); };
  return b;
}

/** An unexpected error: its message, where in the check it happened, and the top of its stack. */
function describe(e, b) {
  const stack = String(e && e.stack || e).split('\n');
  return `${b && b.last ? `while ${b.last}: ` : ''}${stack[0]}${stack.length > 1 ? ' (' + stack.slice(1, 3).map(l => l.trim()).join(' ') + ')' : ''}`;
}

function report(line) { process.stdout.write(JSON.stringify(line) + '\n'); }

async function main() {
  const x = parseArgs(process.argv.slice(2));
  x.expect = JSON.parse(readFileSync(x.expect, 'utf8'));
  const open = x.engine === 'firefox' ? openFirefox : openWebkit;
  const wanted = x.only ?? CHECKS;
  const groups = [{ javascript: true, names: CHECKS.filter(c => c !== 'no-js' && wanted.includes(c)) },
                  { javascript: false, names: wanted.includes('no-js') ? ['no-js'] : [] }];
  let failed = 0;
  const perCheck = x.timeout * 3; // a whole check: several page loads and waits

  for (const group of groups.filter(g => g.names.length)) {
    let b = null;
    for (const name of group.names) {
      const start = Date.now();
      try {
        if (!b) {
          b = tracked(await within(x.timeout * 2, open({ javascript: group.javascript, timeout: x.timeout }), `starting ${x.engine}`));
          report({ engine: x.engine, javascript: group.javascript, browser: b.browser, userAgent: await b.eval('return navigator.userAgent;').catch(e => String(e)) });
        }
        await b.fresh();
        const details = await within(perCheck, checks[name](b, x), name);
        report({ engine: x.engine, check: name, ok: true, ms: Date.now() - start, details });
      } catch (e) {
        failed++;
        report({ engine: x.engine, check: name, ok: false, ms: Date.now() - start, details: e instanceof CheckFailure ? e.message : describe(e, b) });
        if (b && !(e instanceof CheckFailure && !/no answer within/.test(e.message))) { await b.close().catch(() => {}); b = null; } // a stuck or crashed browser: start afresh
        else if (b) await b.goto('about:blank').catch(() => {});
      }
    }
    if (b) await b.close().catch(() => {});
  }
  return failed ? 1 : 0;
}

// A stray rejection inside a driver library must not end the run before the browsers are closed.
process.on('unhandledRejection', e => process.stderr.write('unhandled rejection: ' + String(e && e.stack || e) + '\n'));
// Asked to stop (SIGTERM, SIGINT, SIGHUP): close the browsers that are open, then exit.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'])
  process.on(signal, () => {
    process.stderr.write(`run.mjs: ${signal}, closing ${live.size} browser(s)\n`);
    Promise.allSettled([...live].map(b => b.close())).finally(() => process.exit(1));
  });
main().then(code => process.exit(code), e => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
