"""What the conversation-set builders share: a conversation from turn tuples, and writing JSON lines.
Turn tuple: (text, lang, role, expect[, extra dict]). Roles: start, follow-up, meta, switch, off-topic."""
import json


def conversation(cid, category, turns, locale=None):
    t = []
    for x in turns:
        text, lang, role, expect = x[:4]
        d = {'text': text, 'lang': lang, 'role': role, 'expect': expect}
        if len(x) > 4:
            d.update(x[4])
        t.append(d)
    c = {'id': cid, 'category': category, 'turns': t}
    if locale:
        c['locale'] = locale
    return c


def write(path, convs):
    with open(path, 'w', encoding='utf8') as f:
        for c in convs:
            f.write(json.dumps(c, ensure_ascii=False) + '\n')
