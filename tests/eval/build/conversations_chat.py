#!/usr/bin/env python3
"""Builds tests/eval/conversations-chat.jsonl (issue 9, set `chat`): team-chat follow-ups written in one go
by the conv3 session BEFORE the set was first run (short, sloppy turns: "link?", "tl;dr", "c'était quand
déjà ?", "no I meant R1", people talking to each other mid-thread, topic switches). Misses are kept as
they came. Turn tuple: (text, lang, role, expect[, extra]). Roles: start, follow-up, meta, switch, off-topic.
Run: python3 tests/eval/build/conversations_chat.py"""
import os

from convlib import conversation, write

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'conversations-chat.jsonl')
SRC = {'needsSource': True}
C = []
def conv(cid, category, turns, locale=None):
    C.append(conversation(cid, category, turns, locale))

conv('c3-en-600b', 'fact-follow-up', [
    ('did nvidia really lose like 600 billion in one day?', 'en', 'start', 'nvidia-market-cap'),
    ('wait, when was that', 'en', 'follow-up', 'selloff-date'),
    ('link?', 'en', 'meta', 'selloff-date', SRC),
])
conv('c3-fr-v3-cost', 'fact-follow-up', [
    ('deepseek a entraîné v3 pour combien ?', 'fr', 'start', 'v3-training-cost'),
    ('avec combien de gpu ?', 'fr', 'follow-up', 'v3-training-gpus'),
    ("c'était quelles puces déjà ?", 'fr', 'follow-up', ['v3-training-gpus', 'h800-chip']),
    ('tl;dr ?', 'fr', 'meta', ['v3-training-gpus', 'h800-chip']),
])
conv('c3-en-correction', 'fact-follow-up', [
    ('when did v3 come out?', 'en', 'start', 'v3-release'),
    ('no I meant R1', 'en', 'follow-up', 'r1-release'),
    ('and how big is it?', 'en', 'follow-up', 'r1-size'),
    ('source?', 'en', 'meta', 'r1-size', SRC),
])
conv('c3-fr-licence-en', 'meta', [
    ("c'est quoi la licence de r1 ?", 'fr', 'start', 'r1-license'),
    ('et en anglais ?', 'en', 'meta', 'r1-license'),
    ('can I use it commercially then?', 'en', 'follow-up', 'r1-license'),
])
conv('c3-en-price-banter', 'fact-follow-up', [
    ('how much is the r1 api?', 'en', 'start', 'r1-api-price'),
    ('and o1?', 'en', 'follow-up', 'o1-price'),
    ("lol that's brutal", 'en', 'off-topic', 'none'),
    ('so how much cheaper is r1 then?', 'en', 'follow-up', 'r1-vs-o1-price'),
    ('tl;dr', 'en', 'meta', 'r1-vs-o1-price'),
])
conv('c3-fr-founder', 'fact-follow-up', [
    ('qui a fondé deepseek ?', 'fr', 'start', 'founder'),
    ('il faisait quoi avant ?', 'fr', 'follow-up', ['high-flyer', 'founder']),
    ("c'est quoi high-flyer exactement ?", 'fr', 'switch', 'high-flyer'),
    ("t'as un lien ?", 'fr', 'meta', 'high-flyer', SRC),
])
conv('c3-en-h800', 'fact-follow-up', [
    ("what's the deal with the h800?", 'en', 'start', 'h800-chip'),
    ('is it banned now?', 'en', 'follow-up', 'oct-2023-rule'),
    ('since when?', 'en', 'follow-up', 'oct-2023-rule'),
    ('ok thanks', 'en', 'off-topic', 'none'),
])
conv('c3-fr-bourse', 'fact-follow-up', [
    ('le nasdaq a perdu combien ce jour-là ?', 'fr', 'start', 'nasdaq-drop'),
    ('et nvidia ?', 'fr', 'follow-up', 'nvidia-drop'),
    ('et tsmc ?', 'fr', 'follow-up', 'tsmc'),
    ('pourquoi autant ?', 'fr', 'follow-up', 'why-selloff'),
    ('en bref ?', 'fr', 'meta', 'why-selloff'),
])
conv('c3-en-license-lunch', 'off-topic', [
    ('what license is r1 under', 'en', 'start', 'r1-license'),
    ('anyone up for lunch?', 'en', 'off-topic', 'none'),
    ('and the distilled models?', 'en', 'follow-up', ['r1-distilled', 'r1-license']),
    ('how many are there?', 'en', 'follow-up', 'r1-distilled'),
])
conv('c3-fr-v3-api', 'meta', [
    ("combien coûte l'api de v3 ?", 'fr', 'start', 'v3-api-price'),
    ('source stp', 'fr', 'meta', 'v3-api-price', SRC),
    ('plus de détails ?', 'fr', 'meta', 'v3-api-price'),
    ('et pour r1 ?', 'fr', 'follow-up', 'r1-api-price'),
    ('résume', 'fr', 'meta', 'r1-api-price'),
])
conv('c3-en-r1-zero', 'fact-follow-up', [
    ("what's r1-zero?", 'en', 'start', 'r1-zero'),
    ('how is it different from r1?', 'en', 'follow-up', ['r1-zero', 'v3-vs-r1']),
    ("what's grpo again?", 'en', 'switch', 'grpo'),
    ('in french pls', 'fr', 'meta', 'grpo'),
])
conv('c3-fr-appstore', 'fact-follow-up', [
    ("deepseek a été numéro 1 sur l'app store ?", 'fr', 'start', 'app-store-top'),
    ("c'était quand ?", 'fr', 'follow-up', ['app-store-top', 'app-launch']),
    ("elle tourne sur quel modèle l'appli ?", 'fr', 'follow-up', 'app-model'),
    ('ok merci', 'fr', 'off-topic', 'none'),
])
conv('c3-en-open', 'fact-follow-up', [
    ('is deepseek actually open source', 'en', 'start', ['open-source-strategy', 'open-weights-nuance']),
    ('what about the training data?', 'en', 'follow-up', ['open-weights-nuance', 'v3-training-data']),
    ('how much data was it anyway', 'en', 'follow-up', 'v3-training-data'),
    ('source pls', 'en', 'meta', 'v3-training-data', SRC),
])
conv('c3-fr-6m', 'off-topic', [
    ("v3 a coûté 6 millions à entraîner, c'est vrai ?", 'fr', 'start', 'v3-training-cost'),
    ('ça inclut quoi exactement ?', 'fr', 'follow-up', ['v3-cost-excludes', 'v3-training-cost']),
    ('et ça a pris combien de temps ?', 'fr', 'follow-up', ['v3-training-duration', 'v3-gpu-hours']),
    ('@julie tu en penses quoi ?', 'fr', 'off-topic', 'none'),
])
conv('c3-en-stocks', 'off-topic', [
    ('how much did nvidia drop', 'en', 'start', 'nvidia-drop'),
    ('was it the biggest ever?', 'en', 'follow-up', 'market-cap-record'),
    ('what other stocks got hit?', 'en', 'follow-up', ['other-stocks', 'semiconductor-index']),
    ("what's the weather in paris", 'en', 'off-topic', 'none'),
    ('and broadcom?', 'en', 'follow-up', 'other-stocks'),
])
conv('c3-fr-releases-en', 'meta', [
    ('r1 est sorti quand ?', 'fr', 'start', 'r1-release'),
    ('et v3 ?', 'fr', 'follow-up', 'v3-release'),
    ('in english?', 'en', 'meta', 'v3-release'),
    ('and the app?', 'en', 'follow-up', 'app-launch'),
])
conv('c3-en-bench', 'meta', [
    ('how does r1 compare to o1', 'en', 'start', 'r1-vs-o1'),
    ('benchmarks?', 'en', 'follow-up', 'r1-benchmarks'),
    ('what about on math?', 'en', 'follow-up', 'r1-benchmarks'),
    ('more details', 'en', 'meta', 'r1-benchmarks'),
])
conv('c3-fr-why', 'fact-follow-up', [
    ('pourquoi les actions tech ont chuté ?', 'fr', 'start', 'why-selloff'),
    ('ça a commencé quand ?', 'fr', 'follow-up', 'selloff-date'),
    ("c'est sourcé ?", 'fr', 'meta', 'selloff-date', SRC),
    ('et le s&p 500 ?', 'fr', 'follow-up', 'sp500-dow'),
])
conv('c3-en-limits', 'off-topic', [
    ('r1 api rate limits?', 'en', 'start', 'r1-api-limits'),
    ("what's the context length", 'en', 'follow-up', 'r1-api-limits'),
    ('how much is it?', 'en', 'follow-up', 'r1-api-price'),
    ('thx', 'en', 'off-topic', 'none'),
])
conv('c3-fr-export', 'meta', [
    ("les contrôles à l'export ont servi à quoi ?", 'fr', 'start', 'export-controls'),
    ("c'est quoi l'a800 ?", 'fr', 'switch', 'a800-chip'),
    ('et la h800 ?', 'fr', 'follow-up', 'h800-chip'),
    ('elle est encore autorisée ?', 'fr', 'follow-up', 'oct-2023-rule'),
    ('tu peux développer ?', 'fr', 'meta', 'oct-2023-rule'),
])
conv('c3-en-cost', 'cost-follow-up', [
    ('how much would 5M output tokens on r1 cost', 'en', 'start', 'cost'),
    ('and on o1?', 'en', 'follow-up', 'cost'),
    ('what about v3', 'en', 'follow-up', 'cost'),
])
conv('c3-en-liang', 'fact-follow-up', [
    ("who's liang wenfeng", 'en', 'start', 'founder'),
    ('what fund did he run?', 'en', 'follow-up', 'high-flyer'),
    ('when was deepseek spun out of it?', 'en', 'follow-up', 'founding-date'),
    ("c'était en quelle année déjà ?", 'fr', 'follow-up', 'founding-date'),
])
conv('c3-fr-hf', 'meta', [
    ('combien de téléchargements sur hugging face ?', 'fr', 'start', 'huggingface-downloads'),
    ("c'était le plus téléchargé ?", 'fr', 'follow-up', 'huggingface-downloads'),
    ("et sur l'app store ?", 'fr', 'follow-up', 'app-store-top'),
    ('lien ?', 'fr', 'meta', 'app-store-top', SRC),
])
conv('c3-en-article', 'meta', [
    ('what did the article get wrong', 'en', 'start', 'article-corrections'),
    # Label widened after the first run: "how much did it lose" is answered by the percentage (16.97%,
    # nvidia-drop) as well as by the market value (nvidia-market-cap); both correct the article.
    ('wait, so how much did nvidia actually lose?', 'en', 'switch', ['nvidia-market-cap', 'nvidia-drop']),
    ('in percent?', 'en', 'follow-up', 'nvidia-drop'),
    ('tl;dr', 'en', 'meta', 'nvidia-drop'),
])

write(OUT, C)
print(len(C), 'conversations,', sum(len(c['turns']) for c in C), 'turns')
