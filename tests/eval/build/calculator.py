#!/usr/bin/env python3
"""Builds tests/eval/calculator.jsonl (issue 10). Written for this set.

Every expected figure is computed here BY HAND from the prices in knowledge/prices.yaml and the V3 report
figures in /work/shared/reference/facts.md, typed in below (never from the project's code). Each figure
keeps its arithmetic in `note`. Money is checked to the cent (three significant digits under a dollar);
estimates (month lengths, words → tokens) are accepted ranges; reverse questions allow 0.5%.
Run: python3 tests/eval/build/calculator.py"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'calculator.jsonl')

# $ per 1M tokens: (cache hit, cache miss = input, output)
R1 = (0.14, 0.55, 2.19)
V3_PROMO = (0.014, 0.14, 0.28)   # January 2025, until 8 Feb 2025 16:00 UTC
V3_LIST = (0.07, 0.27, 1.10)     # from 8 Feb 2025
O1 = (7.50, 15.0, 60.0)
O1MINI_JAN = (3.0, 3.0, 12.0)    # until the 31 Jan–1 Feb 2025 cut; no separate cached price known
O1MINI_FEB = (0.55, 1.10, 4.40)  # after the cut
GPU_HOURS = 2_788_000
GPUS = 2048
PRICE_H = 2.0

def r(x):
    return round(x, 6)

def usd(v, note):
    return {'value': r(v), 'unit': 'usd', 'note': note}

def rng(lo, hi, note, unit='usd'):
    return {'min': r(lo), 'max': r(hi), 'unit': unit, 'note': note}

def tokens(v, note):
    return {'value': round(v), 'unit': 'tokens', 'rel': 0.005, 'note': note}

def hours(v, note, rel=0.01):
    return {'value': r(v), 'unit': 'hours', 'rel': rel, 'note': note}

def days(v, note, rel=0.01):
    return {'value': r(v), 'unit': 'days', 'rel': rel, 'note': note}

def any_of(*alts):
    return {'anyOf': list(alts)}

I = []
def cost(q, lang, cat, figs, **kw):
    I.append({'question': q, 'lang': lang, 'category': cat, 'kind': 'cost', 'figures': figs, **kw})
def train(q, lang, cat, figs, **kw):
    I.append({'question': q, 'lang': lang, 'category': cat, 'kind': 'training', 'figures': figs, **kw})
def fact(q, lang, expect):
    I.append({'question': q, 'lang': lang, 'category': 'not-an-amount', 'kind': 'fact', 'expect': expect, 'figures': [], 'maxLines': None})

# --- simple, one direction ---
cost('10M output tokens on r1', 'en', 'simple', [usd(10 * R1[2], '10 × 2.19')])
cost('how much for 2.5 million input tokens on deepseek r1?', 'en', 'simple', [usd(2.5 * R1[1], '2.5 × 0.55 = 1.375')])
cost('price of 3M output tokens with o1', 'en', 'simple', [usd(3 * O1[2], '3 × 60')])
cost('cost of 750k input tokens on o1', 'en', 'simple', [usd(0.75 * O1[1], '0.75 × 15')])
cost('what do 20M output tokens cost on o1-mini in january 2025?', 'en', 'simple', [usd(20 * O1MINI_JAN[2], '20 × 12')])
cost('combien coûtent 10 millions de tokens en sortie sur R1 ?', 'fr', 'simple', [usd(10 * R1[2], '10 × 2,19')])
cost('prix de 6 millions de tokens en entrée sur o1', 'fr', 'simple', [usd(6 * O1[1], '6 × 15')])
cost("500 000 tokens en sortie sur o1, ça fait combien ?", 'fr', 'simple', [usd(0.5 * O1[2], '0,5 × 60')])
cost('combien pour 9M de tokens en entrée sur deepseek-reasoner', 'fr', 'simple', [usd(9 * R1[1], '9 × 0,55')])
cost('coût de 1,5 million de tokens en sortie avec o1-mini en janvier 2025', 'fr', 'simple', [usd(1.5 * O1MINI_JAN[2], '1,5 × 12')])
# --- cache hits ---
cost('5M input tokens cached on o1', 'en', 'cache', [usd(5 * O1[0], '5 × 7.50')])
cost('cost of 10M cache-hit input tokens on r1', 'en', 'cache', [usd(10 * R1[0], '10 × 0.14')])
cost('20M input tokens on r1, all cache hits', 'en', 'cache', [usd(20 * R1[0], '20 × 0.14')])
cost('6M cached input tokens on o1-mini after the february 2025 price cut', 'en', 'cache', [usd(6 * O1MINI_FEB[0], '6 × 0.55')])
cost('100M cached input tokens on deepseek-chat in january 2025', 'en', 'cache', [usd(100 * V3_PROMO[0], '100 × 0.014')])
cost('10 millions de tokens en entrée en cache sur r1', 'fr', 'cache', [usd(10 * R1[0], '10 × 0,14')])
cost('3 millions de tokens en cache sur o1 en entrée', 'fr', 'cache', [usd(3 * O1[0], '3 × 7,50')])
cost("prix de 50M de tokens d'entrée en cache sur r1", 'fr', 'cache', [usd(50 * R1[0], '50 × 0,14')])
cost('9M de tokens en entrée avec cache hit sur deepseek-chat après la promo', 'fr', 'cache', [usd(9 * V3_LIST[0], '9 × 0,07')])
# --- multipliers ---
cost('1000 requests of 2k output tokens each on r1', 'en', 'multiplier', [usd(2 * R1[2], '1000 × 2k = 2M × 2.19')])
cost('500 requests of 1,000 input and 500 output tokens each on o1', 'en', 'multiplier',
     [usd(0.5 * O1[1] + 0.25 * O1[2], '0.5M × 15 + 0.25M × 60 = 7.50 + 15')])
cost('2M output tokens per day for 30 days on r1', 'en', 'multiplier', [usd(60 * R1[2], '60M × 2.19')])
cost('10,000 calls with 300 input tokens each to o1', 'en', 'multiplier', [usd(3 * O1[1], '3M × 15')])
cost('we send 200 prompts a day of 5k input tokens to r1, what does a 30-day month cost?', 'en', 'multiplier',
     [usd(30 * R1[1], '200 × 5k × 30 = 30M × 0.55')])
cost('100 requêtes de 30 000 tokens en entrée sur r1', 'fr', 'multiplier', [usd(3 * R1[1], '3M × 0,55')])
cost('1000 requêtes de 4000 tokens en sortie chacune sur o1', 'fr', 'multiplier', [usd(4 * O1[2], '4M × 60')])
cost('50 000 appels de 2 000 tokens en sortie sur r1', 'fr', 'multiplier', [usd(100 * R1[2], '100M × 2,19')])
cost("1M de tokens en sortie par jour pendant 7 jours sur o1-mini en janvier 2025", 'fr', 'multiplier', [usd(7 * O1MINI_JAN[2], '7M × 12')])
cost('300 requêtes de 1 000 tokens en entrée et 1 000 en sortie sur r1', 'fr', 'multiplier',
     [usd(0.3 * R1[1] + 0.3 * R1[2], '0,3 × 0,55 + 0,3 × 2,19 = 0,165 + 0,657 = 0,822')])
# --- split input / output ---
cost('1M in, 200k out on r1', 'en', 'split', [usd(1 * R1[1] + 0.2 * R1[2], '0.55 + 0.438 = 0.988')])
cost('2M input and 700k output tokens on o1', 'en', 'split', [usd(2 * O1[1] + 0.7 * O1[2], '30 + 42')])
cost('cost of 10M input + 1M output on o1-mini in january 2025', 'en', 'split', [usd(10 * O1MINI_JAN[1] + 1 * O1MINI_JAN[2], '30 + 12')])
cost("3M d'entrée et 1M de sortie sur r1", 'fr', 'split', [usd(3 * R1[1] + 1 * R1[2], '1,65 + 2,19')])
cost('5 millions en entrée, 2 millions en sortie sur o1', 'fr', 'split', [usd(5 * O1[1] + 2 * O1[2], '75 + 120')])
cost("combien pour 4M de tokens en entrée dont la moitié en cache et 1M en sortie sur r1 ?", 'fr', 'split',
     [usd(2 * R1[0] + 2 * R1[1] + 1 * R1[2], '2 × 0,14 + 2 × 0,55 + 2,19 = 0,28 + 1,10 + 2,19')])
cost('6M input tokens of which 4M are cache hits, plus 1M output, on o1', 'en', 'split',
     [usd(4 * O1[0] + 2 * O1[1] + 1 * O1[2], '4 × 7.50 + 2 × 15 + 60')])
# --- price periods ---
cost('cost of 3.5M input tokens on deepseek-chat after the promotion', 'en', 'period', [usd(3.5 * V3_LIST[1], '3.5 × 0.27 = 0.945')])
cost('cost of 3.5M input tokens on deepseek-chat during the january promotion', 'en', 'period', [usd(3.5 * V3_PROMO[1], '3.5 × 0.14')])
cost('10M output tokens on deepseek v3 at the list price (after 8 february 2025)', 'en', 'period', [usd(10 * V3_LIST[2], '10 × 1.10')])
cost('10M output tokens on o1-mini in february 2025', 'en', 'period', [usd(10 * O1MINI_FEB[2], '10 × 4.40')])
cost('10M output tokens on o1-mini before the price cut', 'en', 'period', [usd(10 * O1MINI_JAN[2], '10 × 12')])
cost('5M input tokens on o1-mini after its price cut', 'en', 'period', [usd(5 * O1MINI_FEB[1], '5 × 1.10')])
cost('20M de tokens en sortie sur deepseek-chat en janvier 2025', 'fr', 'period', [usd(20 * V3_PROMO[2], '20 × 0,28')])
cost('20M de tokens en sortie sur deepseek-chat au prix catalogue', 'fr', 'period', [usd(20 * V3_LIST[2], '20 × 1,10')])
cost("2M de tokens en entrée sur o1-mini après la baisse de prix de février", 'fr', 'period', [usd(2 * O1MINI_FEB[1], '2 × 1,10')])
cost('2M de tokens en entrée sur o1-mini en janvier 2025', 'fr', 'period', [usd(2 * O1MINI_JAN[1], '2 × 3')])
cost('combien coûtaient 6M de tokens en sortie sur v3 après la fin de la promo ?', 'fr', 'period', [usd(6 * V3_LIST[2], '6 × 1,10')])
# --- several models ---
cost('10M output tokens on r1 vs o1', 'en', 'several-models', [usd(10 * R1[2], '10 × 2.19'), usd(10 * O1[2], '10 × 60')])
cost('cost of 7M input tokens on r1 and on o1-mini in january 2025', 'en', 'several-models', [usd(7 * R1[1], '7 × 0.55'), usd(7 * O1MINI_JAN[1], '7 × 3')])
cost('compare 5M output tokens on deepseek r1 and openai o1', 'en', 'several-models', [usd(5 * R1[2], '5 × 2.19'), usd(5 * O1[2], '5 × 60')])
cost('5M input tokens: r1 vs deepseek-chat (january 2025)', 'en', 'several-models', [usd(5 * R1[1], '5 × 0.55'), usd(5 * V3_PROMO[1], '5 × 0.14')])
cost('10M de tokens en sortie sur r1 et sur o1', 'fr', 'several-models', [usd(10 * R1[2], '10 × 2,19'), usd(10 * O1[2], '10 × 60')])
cost('3M de tokens en entrée : r1 contre o1', 'fr', 'several-models', [usd(3 * R1[1], '3 × 0,55'), usd(3 * O1[1], '3 × 15')])
cost('4M de tokens en sortie sur o1-mini et sur r1 en janvier 2025', 'fr', 'several-models', [usd(4 * O1MINI_JAN[2], '4 × 12'), usd(4 * R1[2], '4 × 2,19')])
cost('how much do 10M output tokens cost?', 'en', 'all-models',
     [usd(10 * R1[2], 'R1 10 × 2.19'), usd(10 * V3_PROMO[2], 'V3 Jan 10 × 0.28'), usd(10 * O1[2], 'o1 10 × 60'), usd(10 * O1MINI_JAN[2], 'o1-mini Jan 10 × 12')], maxLines=None)
cost('combien coûtent 3M de tokens en entrée ?', 'fr', 'all-models',
     [usd(3 * R1[1], 'R1 3 × 0,55'), usd(3 * V3_PROMO[1], 'V3 janv. 3 × 0,14'), usd(3 * O1[1], 'o1 3 × 15'), usd(3 * O1MINI_JAN[1], 'o1-mini janv. 3 × 3')], maxLines=None)
# --- reverse: tokens for a budget ---
cost('how many output tokens can I get for $100 on o1', 'en', 'reverse', [tokens(100 / O1[2] * 1e6, '100 / 60 × 1M ≈ 1,666,667')])
cost('how many input tokens does $1 buy on r1?', 'en', 'reverse', [tokens(1 / R1[1] * 1e6, '1 / 0.55 × 1M ≈ 1,818,182')])
cost("what's my output token budget on r1 with $50", 'en', 'reverse', [tokens(50 / R1[2] * 1e6, '50 / 2.19 × 1M ≈ 22,831,050')])
cost('how many cached input tokens for $10 on o1?', 'en', 'reverse', [tokens(10 / O1[0] * 1e6, '10 / 7.50 × 1M ≈ 1,333,333')])
cost('combien de tokens en sortie pour 10 $ sur r1', 'fr', 'reverse', [tokens(10 / R1[2] * 1e6, '10 / 2,19 × 1M ≈ 4 566 210')])
cost("avec 200 $ je peux avoir combien de tokens en entrée sur o1 ?", 'fr', 'reverse', [tokens(200 / O1[1] * 1e6, '200 / 15 × 1M ≈ 13 333 333')])
cost("combien de tokens en sortie sur o1-mini pour 24 $ en janvier 2025 ?", 'fr', 'reverse', [tokens(24 / O1MINI_JAN[2] * 1e6, '24 / 12 × 1M = 2 000 000')])
# --- unknown models and currencies: name what was not understood ---
cost('cost of 10M tokens on gpt-4o', 'en', 'unknown-model', [], mention=['gpt-4o'], mayRefuse=True)
cost('how much is 5M output tokens on gemini 1.5 pro', 'en', 'unknown-model', [], mention=['gemini'], mayRefuse=True)
cost('price of 1M input tokens on claude 3.5 sonnet', 'en', 'unknown-model', [], mention=['claude'], mayRefuse=True)
cost('prix de 2M de tokens en sortie sur llama 3', 'fr', 'unknown-model', [], mention=['llama'], mayRefuse=True)
cost('combien coûtent 10M de tokens sur mistral large ?', 'fr', 'unknown-model', [], mention=['mistral'], mayRefuse=True)
cost('1M output tokens on o3-mini', 'en', 'unknown-model', [], mention=['o3-mini'], mayRefuse=True)
cost('10M output tokens on r1 in euros', 'en', 'currency', [usd(10 * R1[2], 'prices are in USD: 10 × 2.19')])
cost('combien en euros pour 10M de tokens en sortie sur r1 ?', 'fr', 'currency', [usd(10 * R1[2], 'prix en dollars : 10 × 2,19')])
# --- text sizes (rules of thumb: accepted ranges) ---
cost('cost to send a 100,000-word document as input to r1', 'en', 'text-size',
     [rng(100e3 * 1.2 / 1e6 * R1[1], 100e3 * 1.5 / 1e6 * R1[1], '1.2–1.5 tokens per English word × 0.55')])
cost('how much to generate 50,000 words of output on o1?', 'en', 'text-size',
     [rng(50e3 * 1.2 / 1e6 * O1[2], 50e3 * 1.5 / 1e6 * O1[2], '1.2–1.5 tokens/word × 60')])
cost('cost of 1 million characters of input on r1', 'en', 'text-size',
     [rng(1e6 / 5 / 1e6 * R1[1], 1e6 / 3.5 / 1e6 * R1[1], '3.5–5 characters per token × 0.55')])
cost('combien pour traduire un texte de 50 000 mots en sortie sur o1', 'fr', 'text-size',
     [rng(50e3 * 1.3 / 1e6 * O1[2], 50e3 * 2.0 / 1e6 * O1[2], '1,3–2 tokens par mot français × 60')])
cost("combien coûte l'envoi d'un document de 20 000 mots en entrée sur r1 ?", 'fr', 'text-size',
     [rng(20e3 * 1.3 / 1e6 * R1[1], 20e3 * 2.0 / 1e6 * R1[1], '1,3–2 tokens par mot × 0,55')])
cost('cost of 200 pages of output on r1', 'en', 'text-size',
     [rng(200 * 250 * 1.2 / 1e6 * R1[2], 200 * 500 * 1.5 / 1e6 * R1[2], '250–500 words/page × 1.2–1.5 tokens/word × 2.19')])
# --- training: V3 defaults with one factor replaced, durations, reverse ---
train('how much would it cost to train V3 at $3 per GPU hour', 'en', 'training-price', [usd(GPU_HOURS * 3, '2,788,000 × 3')])
train('what if H800s cost $5 an hour, how much for V3?', 'en', 'training-price', [usd(GPU_HOURS * 5, '2,788,000 × 5')])
train('V3 training cost at $1.50 per gpu hour', 'en', 'training-price', [usd(GPU_HOURS * 1.5, '2,788,000 × 1.50')])
train("combien coûterait l'entraînement de V3 à 4 $ l'heure GPU ?", 'fr', 'training-price', [usd(GPU_HOURS * 4, '2 788 000 × 4')])
train("entraîner V3 à 1,50 $ de l'heure GPU, ça coûte combien ?", 'fr', 'training-price', [usd(GPU_HOURS * 1.5, '2 788 000 × 1,50')])
train('2048 H800 for 57 days at $2', 'en', 'training-duration', [usd(2048 * 57 * 24 * 2, '2048 × 1368 h × 2')])
train('training cost with 10k h100 for 2 months at $3/h', 'en', 'training-duration',
     [rng(10_000 * 2 * 30 * 24 * 3, 10_000 * 2 * 30.44 * 24 * 3, '10,000 × 2 months × (30 or 30.44 days) × 24 h × 3 = 43.2M–43.83M')])
train('1000 GPUs for 3 weeks at $2.50 per hour', 'en', 'training-duration', [usd(1000 * 21 * 24 * 2.5, '1000 × 504 h × 2.50')])
train('cost of 2,000 gpus for 10 days at $2', 'en', 'training-duration', [usd(2000 * 240 * 2, '2000 × 240 h × 2')])
train('4096 gpus for 500 hours at $2 each per hour, total?', 'en', 'training-duration', [usd(4096 * 500 * 2, '4096 × 500 × 2')])
train("coût d'entraînement avec 512 H800 pendant 80 heures à 2 $", 'fr', 'training-duration', [usd(512 * 80 * 2, '512 × 80 × 2')])
train("10 000 GPU pendant 1 mois à 3 $ de l'heure", 'fr', 'training-duration',
     [rng(10_000 * 30 * 24 * 3, 10_000 * 30.44 * 24 * 3, '10 000 × (30 ou 30,44 jours) × 24 h × 3 = 21,6M–21,92M')])
train("2048 GPU pendant 2 semaines à 2 $/h, ça fait combien ?", 'fr', 'training-duration', [usd(2048 * 14 * 24 * 2, '2048 × 336 h × 2')])
train("3000 H800 pendant 45 jours à 2,50 $ l'heure", 'fr', 'training-duration', [usd(3000 * 45 * 24 * 2.5, '3000 × 1080 h × 2,50')])
train('if V3 were trained on 4096 gpus, how long would it take?', 'en', 'training-reverse',
     [any_of(hours(GPU_HOURS / 4096, '2,788,000 / 4096 ≈ 680.7 h per GPU'), days(GPU_HOURS / 4096 / 24, '≈ 28.4 days'))])
train('how many gpu hours can I buy with $1M at $2 per hour?', 'en', 'training-reverse', [hours(1e6 / 2, '1,000,000 / 2', rel=0.001)])
train("combien d'heures GPU pour 1 million de dollars à 2 $ de l'heure ?", 'fr', 'training-reverse', [hours(1e6 / 2, '1 000 000 / 2', rel=0.001)])
train('avec 1024 GPU, entraîner V3 prendrait combien de temps ?', 'fr', 'training-reverse',
     [any_of(hours(GPU_HOURS / 1024, '2 788 000 / 1024 ≈ 2 722,7 h par GPU'), days(GPU_HOURS / 1024 / 24, '≈ 113,4 jours'))])
# --- numbers that are not token amounts: must go to the knowledge ---
fact('R1 has 671B parameters, how many are active?', 'en', 'r1-size')
fact('how many GPUs do you need to run the 671B R1?', 'en', ['none', 'r1-size'])
fact('DeepSeek says it spent $6M, what does that exclude?', 'en', 'v3-cost-excludes')
fact('what is the 8B distilled model based on?', 'en', 'r1-distilled')
fact('nvidia fell 17% on 27 january: how much value was lost?', 'en', 'nvidia-market-cap')
fact('R1 a 671 milliards de paramètres, combien sont actifs ?', 'fr', 'r1-size')
fact('le modèle distillé 1.5b, il est basé sur quoi ?', 'fr', 'r1-distilled')
fact('les 6 millions de dollars, ça couvre quoi exactement ?', 'fr', ['v3-cost-excludes', 'v3-training-cost'])
fact("v3 a été entraîné sur 14,8T tokens, c'est quelles données ?", 'fr', 'v3-training-data')
fact('le nasdaq a perdu 3 %, combien de points ?', 'fr', 'nasdaq-drop')

UNIT = {x for m in (R1, V3_PROMO, V3_LIST, O1, O1MINI_JAN, O1MINI_FEB) for x in m}
def check(f):
    if 'anyOf' in f:
        for a in f['anyOf']: check(a)
    elif f.get('unit') == 'usd' and 'value' in f:
        if any(abs(f['value'] - u) < 1e-9 for u in UNIT): BAD.append((it['question'], f))
BAD = []
for it in I:
    for f in it['figures']: check(f)
for b in BAD: print('UNIT-PRICE COLLISION', b)
assert not BAD

with open(OUT, 'w', encoding='utf8') as f:
    for it in I:
        f.write(json.dumps(it, ensure_ascii=False) + '\n')
print(len(I), 'items;', sum(1 for i in I if i['lang'] == 'fr'), 'French;', sum(1 for i in I if i['kind'] != 'fact'), 'calculator')
