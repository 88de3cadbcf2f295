/* Baoku search client (docs/search-index.md). A classic script on purpose: a page opened from disk (file://) cannot
   fetch() or import modules, but it can add <script> elements, so every index file is a script that calls
   BaokuSearch.<kind>(…). Matching and ranking are the same as Baoku.Search.SearchEngine in C#. Only the files a
   query needs are loaded: meta.js, the buckets of its grams, and one small file per result shown. */
(function () {
  "use strict";

  // What this script needs beyond ES5 (site.js asks the same before it shows the header's search box). A browser without one of them (Chrome before 41, Safari before 10, IE, older
  // in-app browsers) gets a message with the ways to browse, instead of a search box that does nothing on Enter.
  function supported() {
    var T = window.Int32Array;
    return !!(window.Promise && window.URLSearchParams && String.prototype.codePointAt && String.fromCodePoint && Math.imul
      && T && T.from && T.prototype.subarray && T.prototype.filter && T.prototype.sort
      && window.Uint8Array && window.Uint16Array && window.Float64Array
      && window.performance && performance.now && document.head);
  }

  if (!supported()) {
    var ignore = function () {};
    window.BaokuSearch = { meta: ignore, i: ignore, p: ignore, g: ignore, d: ignore };   // meta.js comes next
    unsupported();
    return;
  }

  /* The form stays hidden; the results area says why and links to the browse pages listed below it. */
  function unsupported() {
    var out = document.getElementById("search-results"), browse = document.getElementById("search-browse");
    if (!out) return;
    var status = document.createElement("p");
    status.className = "search-status";
    status.id = "search-status";
    status.appendChild(document.createTextNode("您的浏览器版本较旧，不能使用站内搜索。"));
    var hint = document.createElement("p");
    hint.className = "search-hint";
    hint.appendChild(document.createTextNode("全部报道都可以"));
    var links = browse ? browse.querySelectorAll("a.browse-main") : [];
    for (var i = 0; i < links.length; i++) {
      if (i) hint.appendChild(document.createTextNode("或"));
      var a = document.createElement("a");
      a.href = links[i].getAttribute("href");
      a.appendChild(document.createTextNode(links[i].textContent));
      hint.appendChild(a);
    }
    hint.appendChild(document.createTextNode("；要搜索，请换用新版的浏览器（如手机自带的浏览器、Chrome、Edge、Firefox 或 Safari）。"));
    out.appendChild(status);
    out.appendChild(hint);
    out.setAttribute("data-state", "unsupported");
  }

  var PAGE = 10;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var VALUE = new Int32Array(128);
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

  /* The units of one code point outside the fast ranges (NFKC, lower case, letters and digits kept), memoised:
     punctuation recurs in every paragraph, and the Unicode path is slow. */
  var slow = {};
  function unitsOf(cp) {
    var hit = slow[cp];
    if (hit) return hit;
    var out = [], s = String.fromCodePoint(cp);
    if (s.normalize) s = s.normalize("NFKC");
    for (var j = 0; j < s.length;) {
      var c = s.codePointAt(j);
      j += c > 0xffff ? 2 : 1;
      var lower = String.fromCodePoint(c).toLowerCase();
      for (var k = 0; k < lower.length;) {
        var l = lower.codePointAt(k);
        k += l > 0xffff ? 2 : 1;
        if (letterOrDigit(l)) out.push(l);
      }
    }
    return (slow[cp] = out);
  }

  /* The units (code points) of text[from, to); with a map, also the offset in the text that each unit came from. */
  function units(text, map, from, to) {
    var out = [];
    if (to == null || to > text.length) to = text.length;
    for (var i = from || 0; i < to;) {
      var cp = text.codePointAt(i);
      if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57)) {
        out.push(cp); if (map) map.push(i);
      } else if (cp >= 65 && cp <= 90) {
        out.push(cp + 32); if (map) map.push(i);
      } else if (cp >= 0x80) {
        var us = unitsOf(cp);
        for (var j = 0; j < us.length; j++) { out.push(us[j]); if (map) map.push(i); }
      }
      i += cp > 0xffff ? 2 : 1;
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
  // Lists are typed arrays, not objects keyed by id: a frequent gram is in nearly every one of 10,000s of
  // documents, and per-id objects cost more in allocation and garbage collection than the decoding itself.

  /* Char-varint reader over a stream string. */
  function Reader(s) { this.s = s; this.at = 0; }
  Reader.prototype.next = function () {
    var s = this.s, at = this.at, value = 0, scale = 1, c;
    do {
      c = VALUE[s.charCodeAt(at++)];
      value += (c & 31) * scale;
      scale *= 32;
    } while (c >= 32);
    this.at = at;
    return value;
  };

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

  /* Docs stream → {n, ids, t, h, o}: parallel typed arrays, ids ascending. Decoded once per gram. */
  var lists = {};
  function docsList(gram, s) {
    if (lists[gram]) return lists[gram];
    var cap = s.length >> 1, r = new Reader(s), n = 0, id = 0;
    var ids = new Int32Array(cap), t = new Int32Array(cap), h = new Int32Array(cap), o = new Int32Array(cap);
    while (r.at < s.length) {
      id = n ? id + r.next() : r.next();
      var code = r.next();
      ids[n] = id;
      t[n] = code & 1 ? r.next() : 0;
      h[n] = code & 2 ? r.next() : 0;
      o[n] = Math.floor(code / 4);
      n++;
    }
    return (lists[gram] = { n: n, ids: ids, t: t, h: h, o: o });
  }

  /* Positions of the list's entries whose flag in `wanted` (by id) is set, in list order, flattened:
     {at: Int32Array(k + 1) start of the k-th wanted entry's positions in `pos`, pos: Int32Array}. */
  function positions(list, s, wanted, count) {
    var r = new Reader(s), at = new Int32Array(count + 1), pos = [], k = 0;
    for (var i = 0; i < list.n; i++) {
      var n = list.t[i] + list.h[i] + list.o[i], keep = wanted[list.ids[i]] === 1, last = 0;
      if (keep) at[k] = pos.length;
      for (var j = 0; j < n; j++) {
        last = j === 0 ? r.next() : last + r.next();
        if (keep) pos.push(last);
      }
      if (keep) k++;
    }
    at[k] = pos.length;
    return { at: at, pos: pos };
  }

  /* A term's matches: {n, ids (ascending), t, h, o}: occurrences per field in each matching document. */
  var G = 3;   // longest gram indexed; trigrams also have positions

  function term(us) {
    if (us.length <= G) {
      var gram = unitText(us);
      return stream("i", gram).then(function (s) { return docsList(gram, s); });
    }
    // A longer term is a phrase of trigrams that together cover it: offsets 0, 3, 6, … and the last one.
    var offsets = [];
    for (var s = 0; s <= us.length - G; s += G) offsets.push(s);
    if (offsets[offsets.length - 1] !== us.length - G) offsets.push(us.length - G);
    var grams = offsets.map(function (o) { return unitText(us.slice(o, o + G)); });
    // Positions are requested together with the docs streams: one round trip instead of two.
    var posRequests = grams.map(function (g) { return stream("p", g); });
    return Promise.all(grams.map(function (g) { return stream("i", g); })).then(function (docStreams) {
      var ls = docStreams.map(function (d, k) { return docsList(grams[k], d); });
      // Candidates: documents in every list (a count per id; lists hold each id once).
      var seen = new Uint16Array(meta.docs), wanted = new Uint8Array(meta.docs), count = 0, k, i;
      for (k = 0; k < ls.length; k++) for (i = 0; i < ls[k].n; i++) seen[ls[k].ids[i]]++;
      for (i = 0; i < ls[0].n; i++) if (seen[ls[0].ids[i]] === ls.length) { wanted[ls[0].ids[i]] = 1; count++; }
      var empty = { n: 0, ids: new Int32Array(0), t: new Int32Array(0), h: new Int32Array(0), o: new Int32Array(0) };
      if (!count) return empty;
      return Promise.all(posRequests).then(function (posStreams) {
        var pos = posStreams.map(function (ps, k) { return positions(ls[k], ps, wanted, count); });
        var first = ls[0], out = { n: 0, ids: new Int32Array(count), t: new Int32Array(count), h: new Int32Array(count), o: new Int32Array(count) };
        var cursor = new Int32Array(offsets.length);
        for (var i = 0, c = 0; i < first.n; i++) {
          if (wanted[first.ids[i]] !== 1) continue;
          for (var k = 1; k < offsets.length; k++) cursor[k] = pos[k].at[c];
          var p0 = pos[0], counts = [0, 0, 0];
          for (var j = p0.at[c], j0 = j; j < p0.at[c + 1]; j++) {
            var ok = true;
            // Positions ascend in every list, so each later trigram's cursor only moves forward.
            for (k = 1; k < offsets.length && ok; k++) {
              var want = p0.pos[j] + offsets[k], pk = pos[k], end = pk.at[c + 1];
              while (cursor[k] < end && pk.pos[cursor[k]] < want) cursor[k]++;
              ok = cursor[k] < end && pk.pos[cursor[k]] === want;
            }
            if (!ok) continue;
            var index = j - j0;
            counts[index < first.t[i] ? 0 : index < first.t[i] + first.h[i] ? 1 : 2]++;
          }
          if (counts[0] + counts[1] + counts[2]) {
            out.ids[out.n] = first.ids[i]; out.t[out.n] = counts[0]; out.h[out.n] = counts[1]; out.o[out.n] = counts[2]; out.n++;
          }
          c++;
        }
        return out;
      });
    });
  }

  /* The whole query → Promise of the matching ids, ranked: terms in the title, then in the head, then all
     occurrences, all descending; then id ascending (newer first). */
  function search(ts) {
    return Promise.all(ts.map(term)).then(function (per) {
      var docs = meta.docs, seen = new Uint16Array(docs), title = new Uint16Array(docs), head = new Uint16Array(docs);
      var occ = new Float64Array(docs), t, i;
      for (t = 0; t < per.length; t++) {
        var l = per[t];
        for (i = 0; i < l.n; i++) {
          var id = l.ids[i];
          if (seen[id] !== t) continue;   // missed an earlier term
          seen[id] = t + 1;
          if (l.t[i]) title[id]++;
          if (l.h[i]) head[id]++;
          occ[id] += l.t[i] + l.h[i] + l.o[i];
        }
      }
      var last = per[per.length - 1], ids = [];
      for (i = 0; i < last.n; i++) if (seen[last.ids[i]] === per.length) ids.push(last.ids[i]);
      // One number per hit that sorts like the ranking (fits in a double's 53 bits for < 32 terms,
      // < 2^20 occurrences and < 2^21 documents); otherwise the comparator.
      if (per.length < 32 && docs < 2097152) {
        var keys = new Float64Array(ids.length), ID = 2097152, OCC = 1048576;
        for (i = 0; i < ids.length; i++) {
          var d = ids[i];
          keys[i] = -(((title[d] * 32 + head[d]) * OCC + Math.min(occ[d], OCC - 1)) * ID + (ID - 1 - d));
        }
        keys.sort();
        var ranked = new Int32Array(ids.length);
        for (i = 0; i < ids.length; i++) ranked[i] = ID - 1 - (-keys[i] % ID);
        return ranked;
      }
      ids.sort(function (a, b) { return (title[b] - title[a]) || (head[b] - head[a]) || (occ[b] - occ[a]) || (a - b); });
      return Int32Array.from(ids);
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
  var state = { q: "", campaign: null, year: null, ranked: new Int32Array(0), list: new Int32Array(0), terms: [], shown: 0, run: 0, filtersOpen: null };

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

  /* Where each term occurs in units `us` (from `map`, offsets in the text): [[start, end), …] by start. */
  function occurrences(text, us, map, firstOnly) {
    var marks = [];
    state.terms.forEach(function (t) {
      for (var i = 0; i + t.length <= us.length; i++) {
        if (us[i] !== t[0]) continue;
        var j = 1;
        while (j < t.length && us[i + j] === t[j]) j++;
        if (j < t.length) continue;
        var end = map[i + t.length - 1];
        marks.push([map[i], end + (text.codePointAt(end) > 0xffff ? 2 : 1)]);
        if (firstOnly) break;
      }
    });
    return marks.sort(function (x, y) { return x[0] - y[0]; });
  }

  /* text[from, to) with every occurrence of the terms wrapped in <mark>, built as DOM nodes (content is never HTML).
     Only a window around [from, to) is normalised: a snippet is short, a body is long. */
  function marked(text, parent, from, to) {
    from = from || 0;
    to = to == null ? text.length : to;
    var MARGIN = 32, lo = Math.max(0, from - MARGIN), map = [];
    var marks = occurrences(text, units(text, map, lo, to + MARGIN), map, false);
    var at = from;
    for (var m = 0; m < marks.length; m++) {
      var s = Math.max(marks[m][0], at), e = Math.min(marks[m][1], to);
      if (e <= s || s >= to) continue;
      if (s > at) parent.appendChild(document.createTextNode(text.slice(at, s)));
      parent.appendChild(el("mark", null, text.slice(s, e)));
      at = e;
    }
    if (at < to) parent.appendChild(document.createTextNode(text.slice(at, to)));
  }

  /* Around the first occurrence in the body: about 40 characters before it, 60 from it. */
  function snippet(body, parent) {
    var map = [], marks = occurrences(body, units(body, map), map, true);
    var first = marks.length ? marks[0][0] : -1;
    var start = first < 0 ? 0 : Math.max(0, first - 40);
    var end = Math.min(body.length, first < 0 ? 100 : first + 60);
    if (start > 0) parent.appendChild(document.createTextNode("……"));
    marked(body.replace(/\n/g, " "), parent, start, end);
    if (end < body.length) parent.appendChild(document.createTextNode("……"));
  }

  function filtered() {
    if (state.campaign === null && state.year === null) return state.ranked;
    return state.ranked.filter(function (id) {
      return (state.campaign === null || inCampaign(id, state.campaign)) && (state.year === null || yearOf(id) === state.year);
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

  /* The filters go in a <details> (its body returned), open on a wide screen and closed on a phone, where they would
     push the first result below the screen; once the reader opens or closes it, it stays so for the next queries.
     The summary names the filters in use. */
  function filterBox() {
    var box = el("details", "search-filters");
    box.id = "search-filters";
    if (state.filtersOpen === null) state.filtersOpen = !(window.matchMedia && window.matchMedia("(max-width: 40rem)").matches);
    box.open = state.filtersOpen;
    box.addEventListener("toggle", function () { state.filtersOpen = box.open; });
    var chosen = [];
    if (state.campaign !== null && meta.campaigns[state.campaign]) chosen.push(meta.campaigns[state.campaign][0]);
    if (state.year !== null) chosen.push(state.year + "年");
    box.appendChild(el("summary", "search-filters-summary", "按专题、年份筛选" + (chosen.length ? "：" + chosen.join("，") : "")));
    out.appendChild(box);
    return box.appendChild(el("div", "search-filters-body"));
  }

  /* Per campaign, the hits in it (within the selected year); per year, the hits of it (within the selected campaign). */
  function filterCounts() {
    var campaigns = meta.campaigns.map(function () { return 0; }), years = {}, ranked = state.ranked;
    for (var i = 0; i < ranked.length; i++) {
      var id = ranked[i], y = yearOf(id);
      if (state.year === null || y === state.year)
        for (var c = 0; c < campaigns.length; c++) if (inCampaign(id, c)) campaigns[c]++;
      if (state.campaign === null || inCampaign(id, state.campaign)) years[y] = (years[y] || 0) + 1;
    }
    return { campaigns: campaigns, years: years };
  }

  function render(started) {
    var list = state.list = filtered();
    // The first page's documents start loading now, while the rest of the page is built.
    for (var i = 0; i < Math.min(PAGE, list.length); i++) load("d/" + list[i]);
    out.textContent = "";
    out.setAttribute("data-count", list.length);
    var status = el("p", "search-status");
    status.id = "search-status";
    out.appendChild(status);
    if (!state.ranked.length) {
      status.textContent = "没有找到包含“" + state.q + "”的报道。";
      var hint = el("p", "search-hint");
      hint.appendChild(document.createTextNode("请换一个词或少输几个字再试，也可以"));
      var links = browse ? browse.querySelectorAll("a.browse-main") : [];
      for (i = 0; i < links.length; i++) {
        if (i) hint.appendChild(document.createTextNode(i === links.length - 1 ? "或" : "、"));
        var a = el("a", null, links[i].textContent);
        a.href = links[i].getAttribute("href");
        hint.appendChild(a);
      }
      hint.appendChild(document.createTextNode("。"));
      out.appendChild(hint);
      shown(started);
      return Promise.resolve();
    }
    status.textContent = "找到 " + list.length + " 篇报道" + (list.length !== state.ranked.length ? "（共 " + state.ranked.length + " 篇，已按条件筛选）" : "") + "。";

    var counts = filterCounts();
    var filters = filterBox();
    filters.appendChild(filterGroup("campaign", "按专题筛选",
      [{ value: null, label: "全部", count: null }].concat(meta.campaigns.map(function (c, i) { return { value: i, label: c[0], count: counts.campaigns[i] }; })
        .filter(function (o) { return o.count > 0 || o.value === state.campaign; })),
      state.campaign, function (v) { state.campaign = v; writeUrl(); show(); }));
    var yearOptions = [{ value: null, label: "全部", count: null }];
    meta.years.forEach(function (y) { if (counts.years[y[0]] || state.year === y[0]) yearOptions.push({ value: y[0], label: y[0] + "年", count: counts.years[y[0]] || 0 }); });
    filters.appendChild(filterGroup("year", "按年份筛选", yearOptions, state.year, function (v) { state.year = v; writeUrl(); show(); }));

    var ol = el("ol", "search-hits");
    out.appendChild(ol);
    state.shown = 0;
    return more(ol, started);
  }

  /* Time from the query to its first result (or its "no results") on screen, and to the whole first page. */
  function shown(started) {
    if (started && !out.hasAttribute("data-first-ms")) out.setAttribute("data-first-ms", (performance.now() - started).toFixed(1));
  }

  function hit(d) {
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
    return li;
  }

  /* Appends the next page of hits: their d/ files load in parallel; each is shown, in rank order, as soon as it and
     the ones above it have arrived. */
  function more(ol, started) {
    var page = state.list.subarray(state.shown, state.shown + PAGE), run = state.run;
    state.shown += page.length;
    var old = document.getElementById("search-more");
    if (old) old.parentNode.removeChild(old);
    var loads = Array.prototype.map.call(page, function (id) { return load("d/" + id); });
    var chain = Promise.resolve();
    loads.forEach(function (p) {
      chain = chain.then(function () { return p; }).then(function (d) {
        if (run !== state.run) return;
        ol.appendChild(hit(d));
        shown(started);
      });
    });
    return chain.then(function () {
      if (run !== state.run || state.shown >= state.list.length) return;
      var button = el("button", "search-more", "显示更多（还有 " + (state.list.length - state.shown) + " 篇）");
      button.id = "search-more";
      button.type = "button";
      button.addEventListener("click", function () {
        setState("loading");
        more(ol).then(function () { setState("done"); }, fail);
      });
      out.appendChild(button);
    });
  }

  function fail(e) {
    out.textContent = "";
    out.appendChild(el("p", "search-status", "搜索索引没有载入成功（" + (e && e.message ? e.message : e) + "），请刷新页面再试，或按专题、日期浏览。"));
    setState("error");
  }

  /* data-ms: from the query to its first page of results complete; data-first-ms: to the first result shown. */
  function done(run, started) {
    if (run !== state.run) return;
    out.setAttribute("data-ms", (performance.now() - started).toFixed(1));
    setState("done");
  }

  function begin() {
    var started = performance.now();
    out.removeAttribute("data-first-ms");
    setState("loading");
    return started;
  }

  /* A filter changed: the hits are known, only the list is redrawn. */
  function show() {
    var run = ++state.run, started = begin();
    return render(started).then(function () { done(run, started); }, fail);
  }

  /* The terms' hits, ranked (meta.js first: the bucket counts and the documents' years and campaigns). */
  function lookup(ts) {
    return load("meta").then(function (m) {
      meta = m;
      return search(ts);
    });
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
    var started = begin();
    document.title = "搜索：" + q + document.title.replace(/^[^-]*/, " ");
    lookup(state.terms).then(function (ranked) {
      if (run !== state.run) return null;
      state.ranked = ranked;
      return render(started).then(function () { done(run, started); });
    }).catch(fail);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    state.campaign = null;
    state.year = null;
    run(input.value.trim());
    writeUrl();
  });

  // While the reader types, what is typed so far is looked up in the background (after a short pause, and not during
  // an input method's composition, whose text is still pinyin): its index files and the documents of its first page
  // of hits load, so Enter shows the results without waiting for the network. Nothing is shown until Enter.
  var typing = 0;
  input.addEventListener("input", function (e) {
    clearTimeout(typing);
    if (e.isComposing) return;
    typing = setTimeout(function () {
      var ts = terms(input.value.trim());
      if (!ts.length) return;
      lookup(ts).then(function (ranked) {
        for (var i = 0; i < Math.min(PAGE, ranked.length); i++) load("d/" + ranked[i]);
      }).catch(function () { /* the query itself reports a missing file */ });
    }, 150);
  });

  // The query in the address starts as soon as meta.js (the next script in the page) has run, without waiting for
  // the rest of the page; if meta.js fails to load, DOMContentLoaded starts it and load("meta") reports the error.
  var begun = false;
  function start() {
    if (begun) return;
    begun = true;
    run(readUrl().trim());
  }
  window.BaokuSearch.meta = function (m) { received.meta = m; start(); };

  // Back to this page from a result, the box must show the query of the results on it. A browser may empty the box
  // when it brings the page back from its back-forward cache: WebKit does so for a box with autocomplete="off" (this
  // page has none), in a task it queues on the way, so the box is filled again both now and after that task.
  window.addEventListener("pageshow", function () {
    function fill() { if (state.q && !input.value) input.value = state.q; }
    fill();
    setTimeout(fill, 0);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
