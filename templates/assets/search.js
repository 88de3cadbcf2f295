/* Baoku search client (docs/search-index.md). A classic script on purpose: a page opened from disk (file://) cannot
   fetch() or import modules, but it can add <script> elements, so every index file is a script that calls
   BaokuSearch.<kind>(…). Matching and ranking are the same as Baoku.Search.SearchEngine in C#. Only the files a
   query needs are loaded: meta.js, the buckets of its grams, and one small file per result shown. */
(function () {
  "use strict";

  var PAGE = 10;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VALUE = [];
  for (var a = 0; a < ALPHABET.length; a++) VALUE[ALPHABET.charCodeAt(a)] = a;

  // ---- loading index files -------------------------------------------------------------------------------

  var received = {};   // "meta", "i/3", "p/7", "g/i3-1", "d/42" → what the file passed
  var loading = {};    // same keys → Promise
  window.BaokuSearch = {
    meta: function (m) { received.meta = m; },
    i: function (b, o) { received["i/" + b] = o; },
    p: function (b, o) { received["p/" + b] = o; },
    g: function (name, s) { received["g/" + name] = s; },
    d: function (id, o) { received["d/" + id] = o; }
  };

  function load(key) {
    if (loading[key]) return loading[key];
    if (key in received) return (loading[key] = Promise.resolve(received[key]));
    loading[key] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = key + ".js";
      s.async = true;
      s.onload = function () {
        if (key in received) resolve(received[key]);
        else reject(new Error(key));
      };
      s.onerror = function () { reject(new Error(key)); };
      document.head.appendChild(s);
    });
    return loading[key];
  }

  // ---- normalisation (the same rules as SearchText.cs) ---------------------------------------------------

  var letterOrDigit;
  try {
    var rx = new RegExp("^[\\p{L}\\p{N}]$", "u");
    letterOrDigit = function (cp) { return rx.test(String.fromCodePoint(cp)); };
  } catch (e) {
    letterOrDigit = function (cp) {
      var c = String.fromCodePoint(cp);
      return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || cp >= 0x20000
        || (cp >= 48 && cp <= 57) || c.toLowerCase() !== c.toUpperCase();
    };
  }

  /* The units (code points) of a text; with a map, also the offset in the text that each unit came from. */
  function units(text, map) {
    var out = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i);
      var len = cp > 0xffff ? 2 : 1;
      if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57)) {
        out.push(cp); if (map) map.push(i);
      } else if (cp >= 65 && cp <= 90) {
        out.push(cp + 32); if (map) map.push(i);
      } else if (cp >= 0x80) {
        var s = String.fromCodePoint(cp);
        if (s.normalize) s = s.normalize("NFKC");
        for (var j = 0; j < s.length;) {
          var c = s.codePointAt(j);
          j += c > 0xffff ? 2 : 1;
          var lower = String.fromCodePoint(c).toLowerCase();
          for (var k = 0; k < lower.length;) {
            var l = lower.codePointAt(k);
            k += l > 0xffff ? 2 : 1;
            if (letterOrDigit(l)) { out.push(l); if (map) map.push(i); }
          }
        }
      }
      i += len;
    }
    return out;
  }

  function unitText(us) {
    var s = "";
    for (var i = 0; i < us.length; i++) s += String.fromCodePoint(us[i]);
    return s;
  }

  /* Terms: split at white space, normalised, empty and repeated terms dropped; each as its units. */
  function terms(query) {
    var parts = query.split(/\s+/), seen = {}, out = [];
    for (var i = 0; i < parts.length; i++) {
      var us = units(parts[i]);
      var key = unitText(us);
      if (us.length && !seen[key]) { seen[key] = true; out.push(us); }
    }
    return out;
  }

  function fnv(s) {
    var h = 2166136261;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619); }
    return h >>> 0;
  }

  // ---- streams ---------------------------------------------------------------------------------------------

  function reader(s) {
    var at = 0;
    return {
      more: function () { return at < s.length; },
      next: function () {
        var value = 0, shift = 0, c;
        do {
          c = VALUE[s.charCodeAt(at++)];
          value += (c & 31) * Math.pow(2, shift);
          shift += 5;
        } while (c >= 32);
        return value;
      }
    };
  }

  var meta = null;
  var streams = {};

  /* A gram's stream ("i" docs, "p" positions): its bucket, then, for a long one, its own file. "" if absent. */
  function stream(kind, gram) {
    var key = kind + gram;
    if (streams[key]) return streams[key];
    var buckets = kind === "i" ? meta.ib : meta.pb;
    streams[key] = load(kind + "/" + (fnv(gram) % buckets)).then(function (bucket) {
      var entry = Object.prototype.hasOwnProperty.call(bucket, gram) ? bucket[gram] : "";
      if (typeof entry === "string") return entry;
      return load(entry.f);
    });
    return streams[key];
  }

  /* Docs stream → {ids, t, h, o} (parallel arrays, ids ascending). */
  function docsList(s) {
    var r = reader(s), ids = [], t = [], h = [], o = [], id = 0;
    while (r.more()) {
      var delta = r.next();
      id = ids.length ? id + delta : delta;
      var code = r.next();
      ids.push(id);
      t.push(code & 1 ? r.next() : 0);
      h.push(code & 2 ? r.next() : 0);
      o.push(code >> 2);
    }
    return { ids: ids, t: t, h: h, o: o };
  }

  /* For the wanted ids: id → ascending positions. */
  function positions(list, s, wanted) {
    var r = reader(s), out = {};
    for (var i = 0; i < list.ids.length; i++) {
      var n = list.t[i] + list.h[i] + list.o[i], ps = wanted[list.ids[i]] ? [] : null, last = 0;
      for (var k = 0; k < n; k++) {
        last = k === 0 ? r.next() : last + r.next();
        if (ps) ps.push(last);
      }
      if (ps) out[list.ids[i]] = ps;
    }
    return out;
  }

  /* One term → Promise of {id: [title, head, other]}. */
  var G = 3;   // longest gram indexed; trigrams also have positions

  function term(us) {
    if (us.length <= G) {
      return stream("i", unitText(us)).then(function (s) {
        var l = docsList(s), out = {};
        for (var i = 0; i < l.ids.length; i++) out[l.ids[i]] = [l.t[i], l.h[i], l.o[i]];
        return out;
      });
    }
    // A longer term is a phrase of trigrams that together cover it: offsets 0, 3, 6, … and the last one.
    var offsets = [];
    for (var s = 0; s <= us.length - G; s += G) offsets.push(s);
    if (offsets[offsets.length - 1] !== us.length - G) offsets.push(us.length - G);
    var grams = offsets.map(function (o) { return unitText(us.slice(o, o + G)); });
    // Positions are requested together with the docs streams: one round trip instead of two.
    var posRequests = grams.map(function (g) { return stream("p", g); });
    return Promise.all(grams.map(function (g) { return stream("i", g); })).then(function (docStreams) {
      var lists = docStreams.map(docsList);
      var candidates = {}, count = 0;
      lists[0].ids.forEach(function (id) { candidates[id] = 1; });
      for (var k = 1; k < lists.length; k++) {
        var next = {};
        lists[k].ids.forEach(function (id) { if (candidates[id]) next[id] = 1; });
        candidates = next;
      }
      for (var c in candidates) count++;
      if (!count) return {};
      return Promise.all(posRequests).then(function (posStreams) {
        var pos = posStreams.map(function (ps, k) { return positions(lists[k], ps, candidates); });
        var out = {}, first = lists[0];
        for (var i = 0; i < first.ids.length; i++) {
          var id = first.ids[i];
          if (!candidates[id]) continue;
          var sets = [];
          for (var k = 1; k < offsets.length; k++) {
            var set = {};
            pos[k][id].forEach(function (p) { set[p] = 1; });
            sets.push(set);
          }
          var p0 = pos[0][id], counts = [0, 0, 0];
          for (var j = 0; j < p0.length; j++) {
            var ok = true;
            for (k = 1; k < offsets.length && ok; k++) ok = sets[k - 1][p0[j] + offsets[k]] === 1;
            if (!ok) continue;
            counts[j < first.t[i] ? 0 : j < first.t[i] + first.h[i] ? 1 : 2]++;
          }
          if (counts[0] + counts[1] + counts[2]) out[id] = counts;
        }
        return out;
      });
    });
  }

  /* The whole query → Promise of hits [{id, title, head, occ}] (unranked). */
  function search(ts) {
    return Promise.all(ts.map(term)).then(function (per) {
      var hits = [];
      for (var id in per[0]) {
        var hit = { id: +id, title: 0, head: 0, occ: 0 }, all = true;
        for (var t = 0; t < per.length && all; t++) {
          var c = per[t][id];
          if (!c) { all = false; break; }
          if (c[0]) hit.title++;
          if (c[1]) hit.head++;
          hit.occ += c[0] + c[1] + c[2];
        }
        if (all) hits.push(hit);
      }
      return hits;
    });
  }

  function rank(hits) {
    return hits.sort(function (a, b) {
      return (b.title - a.title) || (b.head - a.head) || (b.occ - a.occ) || (a.id - b.id);
    });
  }

  function yearOf(id) {
    for (var i = 0; i < meta.years.length; i++) {
      var y = meta.years[i];
      if (id >= y[1] && id < y[1] + y[2]) return y[0];
    }
    return 0;
  }

  function inCampaign(id, c) {
    var ch = VALUE[meta.cm.charCodeAt(id * meta.cw + Math.floor(c / 6))];
    return ((ch >> (c % 6)) & 1) === 1;
  }

  // ---- page ------------------------------------------------------------------------------------------------

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var out = document.getElementById("search-results");
  if (!form || !input || !out) return;
  form.hidden = false;
  var browse = document.getElementById("search-browse");
  var state = { q: "", campaign: null, year: null, hits: [], terms: [], shown: 0, started: 0, run: 0 };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function setState(s) { out.setAttribute("data-state", s); }

  function readUrl() {
    var p = new URLSearchParams(location.search);
    var c = p.get("campaign"), y = p.get("year");
    state.campaign = c !== null && c !== "" && !isNaN(+c) ? +c : null;
    state.year = y !== null && y !== "" && !isNaN(+y) ? +y : null;
    return p.get("q") || "";
  }

  function writeUrl() {
    var p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    if (state.campaign !== null) p.set("campaign", state.campaign);
    if (state.year !== null) p.set("year", state.year);
    try { history.replaceState(null, "", "?" + p.toString()); } catch (e) { /* some browsers refuse on file:// */ }
  }

  /* The text with every occurrence of the terms wrapped in <mark>, built as DOM nodes (content is never HTML). */
  function marked(text, parent, from, to) {
    from = from || 0;
    to = to == null ? text.length : to;
    var map = [], us = units(text, map), marks = [];
    state.terms.forEach(function (t) {
      for (var i = 0; i + t.length <= us.length; i++) {
        var j = 0;
        while (j < t.length && us[i + j] === t[j]) j++;
        if (j === t.length) {
          var end = i + t.length - 1;
          var endOffset = map[end] + (text.codePointAt(map[end]) > 0xffff ? 2 : 1);
          marks.push([map[i], endOffset]);
        }
      }
    });
    marks.sort(function (x, y) { return x[0] - y[0]; });
    var at = from;
    for (var m = 0; m < marks.length; m++) {
      var s = Math.max(marks[m][0], at), e = Math.min(marks[m][1], to);
      if (e <= s || s >= to) continue;
      if (s > at) parent.appendChild(document.createTextNode(text.slice(at, s)));
      parent.appendChild(el("mark", null, text.slice(s, e)));
      at = e;
    }
    if (at < to) parent.appendChild(document.createTextNode(text.slice(at, to)));
    return marks;
  }

  /* Around the first occurrence in the body: about 40 characters on each side. */
  function snippet(body, parent) {
    var map = [], us = units(body, map), first = -1;
    state.terms.forEach(function (t) {
      for (var i = 0; i + t.length <= us.length; i++) {
        var j = 0;
        while (j < t.length && us[i + j] === t[j]) j++;
        if (j === t.length) { if (first < 0 || map[i] < first) first = map[i]; break; }
      }
    });
    var start = first < 0 ? 0 : Math.max(0, first - 40);
    var end = Math.min(body.length, (first < 0 ? 0 : first) + 60);
    if (first < 0) end = Math.min(body.length, 100);
    var text = body.replace(/\n/g, " ");
    if (start > 0) parent.appendChild(document.createTextNode("……"));
    marked(text, parent, start, end);
    if (end < body.length) parent.appendChild(document.createTextNode("……"));
  }

  function filtered() {
    return state.hits.filter(function (h) {
      return (state.campaign === null || inCampaign(h.id, state.campaign)) && (state.year === null || yearOf(h.id) === state.year);
    });
  }

  function filterGroup(name, legend, options, current, onPick) {
    var fs = el("fieldset", "search-filter");
    fs.id = "search-filter-" + name;
    fs.appendChild(el("legend", null, legend));
    options.forEach(function (o) {
      var label = el("label", "search-filter-option");
      var radio = document.createElement("input");
      radio.type = "radio";
      radio.name = name;
      radio.value = o.value === null ? "" : String(o.value);
      radio.checked = o.value === current;
      radio.addEventListener("change", function () { onPick(o.value); });
      label.appendChild(radio);
      label.appendChild(document.createTextNode(" " + o.label + (o.count === null ? "" : "（" + o.count + "）")));
      fs.appendChild(label);
    });
    return fs;
  }

  function render() {
    var list = filtered();
    out.textContent = "";
    out.setAttribute("data-count", list.length);
    var status = el("p", "search-status");
    status.id = "search-status";
    out.appendChild(status);
    if (!state.hits.length) {
      status.textContent = "没有找到包含“" + state.q + "”的报道。";
      var hint = el("p", "search-hint");
      hint.appendChild(document.createTextNode("请换一个词或少输几个字再试，也可以"));
      var links = browse ? browse.querySelectorAll("a.browse-main") : [];
      for (var i = 0; i < links.length; i++) {
        if (i) hint.appendChild(document.createTextNode(i === links.length - 1 ? "或" : "、"));
        var a = el("a", null, links[i].textContent);
        a.href = links[i].getAttribute("href");
        hint.appendChild(a);
      }
      hint.appendChild(document.createTextNode("。"));
      out.appendChild(hint);
      return Promise.resolve();
    }
    status.textContent = "找到 " + list.length + " 篇报道" + (list.length !== state.hits.length ? "（共 " + state.hits.length + " 篇，已按条件筛选）" : "") + "。";

    var campaignCounts = meta.campaigns.map(function () { return 0; }), years = {};
    state.hits.forEach(function (h) {
      var y = yearOf(h.id);
      if (state.year === null || y === state.year)
        for (var c = 0; c < meta.campaigns.length; c++) if (inCampaign(h.id, c)) campaignCounts[c]++;
      if (state.campaign === null || inCampaign(h.id, state.campaign)) years[y] = (years[y] || 0) + 1;
    });
    var filters = el("div", "search-filters");
    filters.appendChild(filterGroup("campaign", "按专题筛选",
      [{ value: null, label: "全部", count: null }].concat(meta.campaigns.map(function (c, i) { return { value: i, label: c[0], count: campaignCounts[i] }; })
        .filter(function (o) { return o.count > 0 || o.value === state.campaign; })),
      state.campaign, function (v) { state.campaign = v; writeUrl(); show(); }));
    var yearOptions = [{ value: null, label: "全部", count: null }];
    meta.years.forEach(function (y) { if (years[y[0]] || state.year === y[0]) yearOptions.push({ value: y[0], label: y[0] + "年", count: years[y[0]] || 0 }); });
    filters.appendChild(filterGroup("year", "按年份筛选", yearOptions, state.year, function (v) { state.year = v; writeUrl(); show(); }));
    out.appendChild(filters);

    var ol = el("ol", "search-hits");
    out.appendChild(ol);
    state.list = list;
    state.shown = 0;
    return more(ol);
  }

  /* Appends the next page of hits (their d/ files load in parallel). */
  function more(ol) {
    var page = state.list.slice(state.shown, state.shown + PAGE);
    state.shown += page.length;
    var old = document.getElementById("search-more");
    if (old) old.parentNode.removeChild(old);
    return Promise.all(page.map(function (h) { return load("d/" + h.id); })).then(function (docs) {
      docs.forEach(function (d) {
        var li = el("li", "search-hit");
        if (d.k) marked(d.k, li.appendChild(el("p", "search-hit-kicker")));
        var h = li.appendChild(el("h2", "search-hit-heading"));
        var a = h.appendChild(el("a", "search-hit-title"));
        a.href = "../" + d.u + "index.html";
        marked(d.t, a);
        if (d.s) marked(d.s, li.appendChild(el("p", "search-hit-subtitle")));
        var info = li.appendChild(el("p", "search-hit-meta"));
        // The date and campaigns are searched too (2023年, 清廉民企), so they are marked like the rest.
        var time = info.appendChild(el("time"));
        marked(d.d.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日"), time);
        time.setAttribute("datetime", d.d);
        d.c.forEach(function (c) {
          info.appendChild(document.createTextNode(" · "));
          var ca = info.appendChild(el("a"));
          marked(meta.campaigns[c][0], ca);
          ca.href = "../" + meta.campaigns[c][1] + "index.html";
        });
        snippet(d.x, li.appendChild(el("p", "search-hit-snippet")));
        ol.appendChild(li);
      });
      if (state.shown < state.list.length) {
        var button = el("button", "search-more", "显示更多（还有 " + (state.list.length - state.shown) + " 篇）");
        button.id = "search-more";
        button.type = "button";
        button.addEventListener("click", function () {
          setState("loading");
          more(ol).then(function () { setState("done"); }, fail);
        });
        out.appendChild(button);
      }
    });
  }

  function fail(e) {
    out.textContent = "";
    out.appendChild(el("p", "search-status", "搜索索引没有载入成功（" + (e && e.message ? e.message : e) + "），请刷新页面再试，或按专题、日期浏览。"));
    setState("error");
  }

  function show() {
    var started = performance.now();
    setState("loading");
    return render().then(function () {
      out.setAttribute("data-ms", (performance.now() - started).toFixed(1));
      setState("done");
    }, fail);
  }

  function run(q) {
    var run = ++state.run;
    state.q = q;
    state.terms = terms(q);
    input.value = q;
    if (!state.terms.length) {
      out.textContent = "";
      setState("idle");
      return;
    }
    var started = performance.now();
    setState("loading");
    document.title = "搜索：" + q + document.title.replace(/^[^-]*/, " ");
    load("meta").then(function (m) {
      meta = m;
      return search(state.terms);
    }).then(function (hits) {
      if (run !== state.run) return null;
      state.hits = rank(hits);
      return render().then(function () {
        if (run !== state.run) return;
        out.setAttribute("data-ms", (performance.now() - started).toFixed(1));
        setState("done");
      });
    }).catch(fail);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    state.campaign = null;
    state.year = null;
    run(input.value.trim());
    writeUrl();
  });

  // After the page's own scripts: meta.js follows this file in the page, so it has run by then and costs no round trip.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { run(readUrl().trim()); });
  else run(readUrl().trim());
})();
