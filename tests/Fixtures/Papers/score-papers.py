#!/usr/bin/env python3
"""Score an importer's output against ALL the gold of this corpus (sub-folders included).

  python3 score-papers.py CONTENT_DIR [PAPER ...] [--verbose] [--json] [--scorer PATH]
  python3 score-papers.py --self-test

score-import.py reads the gold *.yml of ONE folder (not its sub-folders), so this wrapper copies every gold file of
the corpus (or of the named paper folders) into one temporary folder under a unique flat name, then runs it.
The scorer is looked up at ../../../../shared/realworld-dev/score-import.py (the repository's sibling shared/ folder),
or given with --scorer.

--self-test writes a "perfect importer" output built from the gold itself (title, date, authors, campaigns and the
body paragraphs) and scores it: every figure must be 1.0. It proves that the gold can be loaded and matched.
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))


def scorer_path(args):
    if '--scorer' in args:
        return args[args.index('--scorer') + 1]
    for p in (os.path.join(HERE, '../../../../shared/realworld-dev/score-import.py'),
              os.path.join(HERE, '../../../../../shared/realworld-dev/score-import.py'),
              '/work/shared/realworld-dev/score-import.py'):
        if os.path.exists(p):
            return os.path.abspath(p)
    sys.exit('score-import.py not found: pass --scorer PATH')


def gold_files(papers):
    roots = [os.path.join(HERE, p) for p in papers] if papers else [HERE]
    out = []
    for r in roots:
        for g in sorted(glob.glob(os.path.join(r, '**', '*.yml'), recursive=True)):
            if os.path.exists(os.path.splitext(g)[0] + '.txt') or g.endswith('.gold.yml'):
                out.append(g)
    return out


def flat(gold, dest):
    for g in gold:
        rel = os.path.relpath(g, HERE).replace(os.sep, '__')
        shutil.copy(g, os.path.join(dest, rel))


def self_test(gold, content):
    n = 0
    for g in gold:
        d = yaml.safe_load(open(g, encoding='utf-8'))
        for it in d.get('items') or []:
            if it.get('kind') != 'article':
                continue
            fm = {'title': it.get('title'), 'date': str(it.get('date')), 'authors': it.get('authors') or [],
                  'campaigns': [c for c in (it.get('campaigns') or [])
                                if (it.get('campaign_strength') or {}).get(c) != 'mention']}
            body = '\n\n'.join(it.get('body_paragraphs') or [])
            n += 1
            with open(os.path.join(content, f'{n:03d}.md'), 'w', encoding='utf-8') as f:
                f.write('---\n' + yaml.safe_dump(fm, allow_unicode=True, sort_keys=False) + '---\n\n' + body + '\n')
    return n


def main():
    args = sys.argv[1:]
    scorer = scorer_path(args)
    if '--scorer' in args:
        i = args.index('--scorer')
        del args[i:i + 2]
    flags = [a for a in args if a.startswith('--')]
    pos = [a for a in args if not a.startswith('--')]
    tmp = tempfile.mkdtemp(prefix='papers-gold-')
    try:
        if '--self-test' in flags:
            gold = gold_files(pos)
            content = os.path.join(tmp, 'content')
            os.makedirs(content)
            self_test(gold, content)
            flags = [f for f in flags if f != '--self-test']
        else:
            if not pos:
                print(__doc__)
                sys.exit(2)
            content, papers = pos[0], pos[1:]
            gold = gold_files(papers)
        gdir = os.path.join(tmp, 'gold')
        os.makedirs(gdir)
        flat(gold, gdir)
        r = subprocess.run([sys.executable, scorer, content, gdir] + flags)
        sys.exit(r.returncode)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
