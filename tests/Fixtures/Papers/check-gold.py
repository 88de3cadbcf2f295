#!/usr/bin/env python3
"""Check the gold of the invented county-paper corpus against its raw pages.

  python3 check-gold.py [FOLDER]      (default: the folder of this script)

For every raw page FOLDER/**/*.txt it reads the gold beside it (same stem, .yml; or .gold.yml) and checks:
  - the raw file is UTF-8; its line ends are those the gold states (LF / CRLF);
  - every non-empty raw line is covered exactly once by the items' source_lines (1-based, inclusive);
  - items are in reading order (order of body start), ids are unique in the whole corpus;
  - articles / photos / fragments: body_paragraphs equal the cleaned join of paragraph_source_lines (minus the
    lead byline and a 紧接/上接 marker at the start of the first paragraph); body_start / body_end / paragraphs /
    body_chars agree; paragraph and intertitle lines lie inside the item and do not overlap;
  - headline lines, byline_raw, other credit lines, people, orgs, places, editors, authors, photographers and
    campaign evidence are found in the item's own raw text;
  - 二十大学习 only where 党的二十大 is named; campaigns only from the three known ones;
  - dates: date in date_range, page_date in page_date_range, and a date in the path equals page_date;
  - labels: text / raw agree with the raw line.
Prints one line per problem and a summary; exit code 1 when there is a problem.
"""
import datetime
import os
import re
import sys

import yaml

CJK = '\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u206f\u00b7\u22ef\u2460-\u24ff\u25a0-\u25ff'
CAMPAIGNS = {'二十大学习', '清廉民企', '四大双千'}
MARKER = re.compile(r'^[（(](?:紧接|上接|接)第?[A-Za-z]?\d+版[）)]')


def clean(s):
    """The schema's cleaning rule: whitespace next to CJK, digits or full-width punctuation is deleted."""
    s = re.sub(r'\s+', ' ', s)
    s = re.sub(r'\s+(?=[' + CJK + '0-9])', '', s)
    s = re.sub(r'(?<=[' + CJK + '0-9])\s+', '', s)
    return s.strip()


def nospace(s):
    return re.sub(r'\s+', '', s or '')


def date_of(v):
    if isinstance(v, datetime.date):
        return v
    m = re.match(r'(\d{4})-(\d{2})-(\d{2})$', str(v))
    return datetime.date(*map(int, m.groups())) if m else None


def path_date(rel):
    pats = [r'(\d{4})-(\d{2})-(\d{2})', r'(\d{4})年(\d{2})月(\d{2})日', r'(\d{4})/(\d{2})/(\d{2})/',
            r'(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)']
    for p in pats:
        m = re.search(p, rel)
        if m:
            try:
                return datetime.date(*map(int, m.groups()))
            except ValueError:
                pass
    return None


class Checker:
    def __init__(self, root):
        self.root = root
        self.problems = []
        self.ids = {}
        self.stats = {}

    def bad(self, where, msg):
        self.problems.append(f'{where}: {msg}')

    def run(self):
        pages = []
        for d, _, files in os.walk(self.root):
            for f in files:
                if f.endswith('.txt'):
                    pages.append(os.path.join(d, f))
        for p in sorted(pages):
            self.page(p)
        return self

    def page(self, path):
        rel = os.path.relpath(path, self.root)
        stem = os.path.splitext(path)[0]
        gpath = next((g for g in (stem + '.yml', stem + '.gold.yml') if os.path.exists(g)), None)
        if not gpath:
            self.bad(rel, 'no gold file beside the page')
            return
        raw = open(path, 'rb').read()
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as e:
            self.bad(rel, f'not UTF-8: {e}')
            return
        if text.startswith('\ufeff'):
            self.bad(rel, 'starts with a BOM')
        crlf = '\r\n' in text
        lone_cr = '\r' in text.replace('\r\n', '')
        if lone_cr:
            self.bad(rel, 'lone CR line ends')
        lines = text.replace('\r\n', '\n').split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        g = yaml.safe_load(open(gpath, encoding='utf-8'))
        pg = g.get('page') or {}
        items = g.get('items') or []
        where = rel
        want_le = pg.get('line_ends', 'LF')
        if (want_le == 'CRLF') != crlf:
            self.bad(where, f'line ends are {"CRLF" if crlf else "LF"}, gold says {want_le}')
        if crlf and '\n' in text.replace('\r\n', ''):
            self.bad(where, 'mixed line ends')
        if pg.get('source_file') and not rel.replace(os.sep, '/').endswith(pg['source_file']):
            self.bad(where, f'page.source_file {pg["source_file"]!r} is not this file')
        for k in ('newspaper', 'form', 'page_date', 'page_date_range', 'page_date_confidence', 'page_date_evidence', 'traps'):
            if k not in pg:
                self.bad(where, f'page.{k} missing')
        if pg.get('form') not in ('ocr', 'web'):
            self.bad(where, f'page.form {pg.get("form")!r}')
        pd = date_of(pg.get('page_date'))
        pr = [date_of(x) for x in (pg.get('page_date_range') or [None, None])]
        if not pd or not all(pr) or not (pr[0] <= pd <= pr[1]):
            self.bad(where, f'page_date {pg.get("page_date")} not in page_date_range {pg.get("page_date_range")}')
        if pg.get('page_date_confidence') not in ('high', 'medium', 'low'):
            self.bad(where, 'page_date_confidence must be high/medium/low')
        fd = path_date(rel.replace(os.sep, '/'))
        if fd and fd != pd:
            self.bad(where, f'date in the path {fd} != page_date {pd}')
        paper = rel.split(os.sep)[0]
        st = self.stats.setdefault(paper, {'pages': 0, 'articles': 0, 'items': 0})
        st['pages'] += 1

        # coverage
        cover = {}
        for it in items:
            iid = it.get('id', '?')
            if iid in self.ids:
                self.bad(where, f'id {iid} also used in {self.ids[iid]}')
            self.ids[iid] = rel
            for a, b in it.get('source_lines') or []:
                if not (1 <= a <= b <= len(lines)):
                    self.bad(where, f'{iid}: source_lines [{a}, {b}] outside the file ({len(lines)} lines)')
                    continue
                if not lines[a - 1].strip() or not lines[b - 1].strip():
                    self.bad(where, f'{iid}: source_lines [{a}, {b}] start or end on a blank line')
                for n in range(a, b + 1):
                    if lines[n - 1].strip():
                        if n in cover:
                            self.bad(where, f'line {n} covered by {cover[n]} and {iid}')
                        cover[n] = iid
        for n, l in enumerate(lines, 1):
            if l.strip() and n not in cover:
                self.bad(where, f'line {n} not covered: {l.strip()[:30]!r}')

        # reading order
        starts = []
        for it in items:
            psl = it.get('paragraph_source_lines')
            sl = it.get('source_lines') or [[0, 0]]
            starts.append(psl[0][0] if psl else sl[0][0])
        if starts != sorted(starts):
            self.bad(where, f'items not in reading order (body starts {starts})')

        for it in items:
            st['items'] += 1
            k = it.get('kind')
            if k == 'article':
                st['articles'] += 1
            if k in ('article', 'photo', 'fragment'):
                self.textual(where, it, lines, pd)
            elif k == 'label':
                self.label(where, it, lines)
            elif k == 'ads':
                if not it.get('ads'):
                    self.bad(where, f'{it["id"]}: ads without ads list')
                own = clean(''.join(lines[n - 1] for a, b in it['source_lines'] for n in range(a, b + 1)))
                for ad in it.get('ads') or []:
                    if clean(ad) not in own:
                        self.bad(where, f'{it["id"]}: ad not in raw text: {ad[:20]}')
            else:
                self.bad(where, f'{it.get("id")}: unknown kind {k!r}')

    def label(self, where, it, lines):
        iid = it['id']
        ls = [lines[n - 1].strip() for a, b in it['source_lines'] for n in range(a, b + 1) if lines[n - 1].strip()]
        if nospace(it.get('raw')) != nospace(''.join(ls)) and nospace(it.get('raw')).replace('/', '') != nospace(''.join(ls)):
            self.bad(where, f'{iid}: label raw {it.get("raw")!r} != raw lines {ls!r}')
        if not it.get('role'):
            self.bad(where, f'{iid}: label without role')

    def textual(self, where, it, lines, pd):
        iid = it['id']
        own_lines = set()
        for a, b in it['source_lines']:
            own_lines.update(range(a, b + 1))
        own_text = '\n'.join(lines[n - 1] for n in sorted(own_lines))
        own_ns = nospace(own_text)
        own_lines_ns = [nospace(lines[n - 1]) for n in sorted(own_lines)]
        psl = it.get('paragraph_source_lines') or []
        bp = it.get('body_paragraphs') or []
        if len(psl) != len(bp):
            self.bad(where, f'{iid}: {len(psl)} paragraph_source_lines but {len(bp)} body_paragraphs')
        if it.get('paragraphs') != len(bp):
            self.bad(where, f'{iid}: paragraphs={it.get("paragraphs")} but {len(bp)} body_paragraphs')
        used = set()
        prev_end = 0
        for i, (rng, para) in enumerate(zip(psl, bp)):
            a, b = rng
            if a <= prev_end:
                self.bad(where, f'{iid}: paragraph {i + 1} overlaps or precedes the previous one')
            prev_end = b
            rs = set(range(a, b + 1))
            if not rs <= own_lines:
                self.bad(where, f'{iid}: paragraph {i + 1} lines {rng} outside source_lines')
            used |= rs
            got = clean(''.join(lines[n - 1] for n in range(a, b + 1)))
            if i == 0:
                m = MARKER.match(got)
                if m:
                    if clean(it.get('continuation_marker') or '') != m.group(0):
                        self.bad(where, f'{iid}: marker {m.group(0)} not recorded as continuation_marker')
                    got = got[m.end():]
                lb = clean(it.get('lead_byline') or '')
                if lb:
                    if not got.startswith(lb):
                        self.bad(where, f'{iid}: first paragraph does not start with lead_byline {lb!r}: {got[:30]!r}')
                    got = got[len(lb):]
            if got != para:
                j = next((x for x in range(min(len(got), len(para))) if got[x] != para[x]), min(len(got), len(para)))
                self.bad(where, f'{iid}: paragraph {i + 1} differs at {j}: raw {got[max(0, j - 8):j + 12]!r} gold {para[max(0, j - 8):j + 12]!r}')
        body = ''.join(bp)
        if bp:
            if it.get('body_start') != body[:15]:
                self.bad(where, f'{iid}: body_start {it.get("body_start")!r} != {body[:15]!r}')
            if it.get('body_end') != body[-15:]:
                self.bad(where, f'{iid}: body_end {it.get("body_end")!r} != {body[-15:]!r}')
            if it.get('body_chars') is not None and it['body_chars'] != len(body):
                self.bad(where, f'{iid}: body_chars {it["body_chars"]} != {len(body)}')
            if it.get('kind') == 'article' and body != clean(body):
                self.bad(where, f'{iid}: body has whitespace next to CJK')
        for s in it.get('subheads') or []:
            a, b = s['source_lines']
            rs = set(range(a, b + 1))
            if rs & used:
                self.bad(where, f'{iid}: intertitle {s["text"]!r} inside a paragraph')
            if not rs <= own_lines:
                self.bad(where, f'{iid}: intertitle {s["text"]!r} outside source_lines')
            if nospace(s['text']) != nospace(''.join(lines[n - 1] for n in range(a, b + 1))):
                self.bad(where, f'{iid}: intertitle text {s["text"]!r} != raw')
            if not 1 <= s.get('before_paragraph', 0) <= len(bp):
                self.bad(where, f'{iid}: intertitle before_paragraph {s.get("before_paragraph")} out of range')
            else:
                pa = psl[s['before_paragraph'] - 1][0]
                pb = psl[s['before_paragraph'] - 2][1] if s['before_paragraph'] >= 2 else 0
                if not pb < a <= b < pa:
                    self.bad(where, f'{iid}: intertitle {s["text"]!r} not between paragraphs {s["before_paragraph"] - 1} and {s["before_paragraph"]}')
        # headline
        hl = it.get('headline_lines') or []
        for h in hl:
            if nospace(h) not in own_lines_ns:
                self.bad(where, f'{iid}: headline line {h!r} is not a raw line of the item')
            elif set(n for n in own_lines if nospace(lines[n - 1]) == nospace(h)) & used:
                self.bad(where, f'{iid}: headline line {h!r} inside a paragraph')
        head_ns = nospace(''.join(hl))
        for f in ('kicker', 'title', 'subtitle'):
            v = it.get(f)
            if v and nospace(v) not in head_ns:
                self.bad(where, f'{iid}: {f} {v!r} not in the headline lines')
        if it.get('kind') == 'article' and hl and not it.get('title'):
            self.bad(where, f'{iid}: headline lines but no title')
        if it.get('title') and re.search(r'(?<=[' + CJK + r'])\s(?=[' + CJK + r'])', it['title']) and \
                ' ' not in ''.join(hl) and not all(nospace(x) in [nospace(h) for h in hl] for x in it['title'].split(' ')):
            self.bad(where, f'{iid}: title keeps a space that is neither printed nor a line break between title halves')
        pos = it.get('headline_position')
        if hl and psl:
            hlines = [n for n in sorted(own_lines) if nospace(lines[n - 1]) in [nospace(h) for h in hl]]
            if hlines:
                want = 'before_body' if hlines[0] < psl[0][0] else 'after_body'
                if pos != want:
                    self.bad(where, f'{iid}: headline_position {pos} but the headline is {want}')
        # bylines and credits
        credit_ns = ''
        for f in ('byline_raw', 'lead_byline'):
            v = it.get(f)
            if v:
                if nospace(v) not in own_ns:
                    self.bad(where, f'{iid}: {f} {v!r} not in the item text')
                credit_ns += nospace(v)
        for v in it.get('other_credits_raw') or []:
            if nospace(v) not in own_ns:
                self.bad(where, f'{iid}: credit line {v!r} not in the item text')
            credit_ns += nospace(v)
        if it.get('lead_byline') and it.get('byline_position') != 'lead':
            self.bad(where, f'{iid}: lead_byline but byline_position {it.get("byline_position")}')
        for f in ('authors', 'photographers', 'editors'):
            for n in it.get(f) or []:
                if nospace(n) not in credit_ns:
                    self.bad(where, f'{iid}: {f[:-1]} {n!r} not in the bylines/credits')
        for p in it.get('people') or []:
            if nospace(p['name']) not in own_ns:
                self.bad(where, f'{iid}: person {p["name"]!r} not in the text')
        for f in ('orgs', 'places'):
            for o in it.get(f) or []:
                if nospace(o) not in own_ns:
                    self.bad(where, f'{iid}: {f[:-1]} {o!r} not in the text')
        # campaigns
        cs = set(it.get('campaigns') or [])
        if cs - CAMPAIGNS:
            self.bad(where, f'{iid}: unknown campaigns {cs - CAMPAIGNS}')
        ev = it.get('campaign_evidence') or {}
        for c in cs:
            if not ev.get(c):
                self.bad(where, f'{iid}: campaign {c} without evidence')
        for c, phrases in ev.items():
            if c not in cs:
                self.bad(where, f'{iid}: evidence for {c}, which is not in campaigns')
            for ph in phrases or []:
                if nospace(ph) not in own_ns:
                    self.bad(where, f'{iid}: evidence {ph!r} not in the text')
        if '二十大学习' in cs and '党的二十大' not in own_ns:
            self.bad(where, f'{iid}: 二十大学习 without 党的二十大')
        if '党的二十大' in own_ns and '二十大学习' not in cs and it.get('kind') == 'article' \
                and 'not 二十大学习' not in (it.get('notes') or ''):
            self.bad(where, f'{iid}: names 党的二十大 but is not tagged 二十大学习 (say why in notes)')
        # dates
        d = date_of(it.get('date'))
        r = [date_of(x) for x in (it.get('date_range') or [None, None])]
        if not d or not all(r) or not r[0] <= d <= r[1]:
            self.bad(where, f'{iid}: date {it.get("date")} not in date_range {it.get("date_range")}')
        if it.get('date_confidence') not in ('high', 'medium', 'low'):
            self.bad(where, f'{iid}: date_confidence must be high/medium/low')
        for f in ('authors', 'photographers', 'editors', 'orgs', 'places', 'title_alternatives', 'other_credits_raw'):
            v = it.get(f)
            if v is not None and not isinstance(v, list):
                self.bad(where, f'{iid}: {f} must be a list')
            if isinstance(v, list) and len(set(map(str, v))) != len(v):
                self.bad(where, f'{iid}: {f} has duplicates')


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    c = Checker(root).run()
    for p in c.problems:
        print(p)
    tp = sum(s['pages'] for s in c.stats.values())
    ta = sum(s['articles'] for s in c.stats.values())
    for paper, s in sorted(c.stats.items()):
        print(f'{paper}: {s["pages"]} pages, {s["articles"]} articles, {s["items"]} items')
    print(f'{len(c.problems)} problems; {tp} pages, {ta} articles in {len(c.stats)} papers')
    sys.exit(1 if c.problems else 0)


if __name__ == '__main__':
    main()
