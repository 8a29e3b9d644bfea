#!/usr/bin/env python3
"""Imports a once held-out conversation set (one TURN a line, the format the held-out scorers read:
{"conversation", "turn", "text", "locale"?, "expect": [...], "lang", "type"}) into the development-set
format of tests/eval/conversations*.jsonl (one CONVERSATION a line, see src/eval/sets.ts), unchanged:
same texts, same order, same expectations, so `npm run eval` scores it the way its scorer did.

Mapping: type first → start, change → switch, follow-up / meta / off-topic kept; expect ["same"] → the
previous turn's (resolved) expectation, as the scorer resolves it; an off-topic turn expects "none" (the
scorer counts it right when it is not answered from the knowledge, small talk included, which is what
"none" means here, so ["chat"] on an off-topic "thanks!" becomes "none" too); a one-item list becomes
the item. The conversation's `locale` is its turns' locale (the sets hold one per conversation; the
importer refuses a file whose turns disagree). No `needsSource`: the scorers do not check sources.

Usage: python3 tests/eval/build/conversations_import.py HELDOUT.jsonl OUT.jsonl ID_PREFIX CATEGORY
e.g.   python3 tests/eval/build/conversations_import.py /work/notes/heldout/conv4.jsonl \\
           tests/eval/conversations-4.jsonl c4 conv4"""
import collections
import json
import sys

from convlib import conversation, write

ROLE = {'first': 'start', 'change': 'switch', 'follow-up': 'follow-up', 'meta': 'meta', 'off-topic': 'off-topic'}


def convert(turns, prefix, category):
    convs = collections.OrderedDict()
    for t in turns:
        convs.setdefault(t['conversation'], []).append(t)
    out = []
    for cid, ts in convs.items():
        ts.sort(key=lambda t: t['turn'])
        locales = {t.get('locale') for t in ts}
        if len(locales) > 1:
            raise SystemExit(f'{cid}: turns with different locales {locales}')
        prev = None
        tuples = []
        for t in ts:
            exp = prev if t['expect'] == ['same'] else t['expect']
            if exp is None:
                raise SystemExit(f"{cid}: 'same' on a first turn")
            prev = exp
            role = ROLE[t['type']]
            e = ['none'] if role == 'off-topic' else exp
            tuples.append((t['text'], t['lang'], role, e[0] if len(e) == 1 else list(e)))
        out.append(conversation(f'{prefix}-{cid}', category, tuples, locales.pop()))
    return out


if __name__ == '__main__':
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    src, dst, prefix, category = sys.argv[1:]
    with open(src, encoding='utf8') as f:
        turns = [json.loads(line) for line in f if line.strip()]
    write(dst, convert(turns, prefix, category))
