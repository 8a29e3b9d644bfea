#!/usr/bin/env python3
"""Builds tests/eval/conversations.jsonl (issue 9). Written for this set; figures computed by hand from
knowledge/prices.yaml and /work/shared/reference/facts.md (see the comment on each cost turn).
Turn tuple: (text, lang, role, expect[, extra dict]). Roles: start, follow-up, meta, switch, off-topic.
Run: python3 tests/eval/build/conversations.py"""
import os

from convlib import conversation, write

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'conversations.jsonl')

def usd(v, note=''):
    return {'value': v, 'unit': 'usd', 'note': note}

C = []
def conv(cid, category, turns, locale=None):
    C.append(conversation(cid, category, turns, locale))

# --- facts: new aspect for the same entity, "why?", "source?", language switches ---
conv('en-nvidia-why', 'fact-follow-up', [
    ('how much did nvidia fall on jan 27?', 'en', 'start', 'nvidia-drop'),
    ('why?', 'en', 'follow-up', ['why-selloff']),
    ('was it a record?', 'en', 'follow-up', 'market-cap-record'),
    ('source?', 'en', 'meta', 'market-cap-record', {'needsSource': True}),
])
conv('fr-founder-when', 'fact-follow-up', [
    ('qui a fondé deepseek ?', 'fr', 'start', 'founder'),
    ('et quand ?', 'fr', 'follow-up', 'founding-date'),
    ('tes sources ?', 'fr', 'meta', 'founding-date', {'needsSource': True}),
])
conv('en-r1-price-source-fr', 'meta', [
    ("what's the r1 api price?", 'en', 'start', 'r1-api-price'),
    ('source?', 'en', 'meta', 'r1-api-price', {'needsSource': True}),
    ('in French please', 'fr', 'meta', 'r1-api-price'),
])
conv('fr-v3-cost-excludes', 'fact-follow-up', [
    ("combien a coûté l'entraînement de V3 ?", 'fr', 'start', 'v3-training-cost'),
    ('ça exclut quoi ?', 'fr', 'follow-up', 'v3-cost-excludes'),
    ('combien de gpu ?', 'fr', 'follow-up', 'v3-training-gpus'),
    ('et ça a pris combien de temps ?', 'fr', 'follow-up', 'v3-training-duration'),
])
conv('en-v3-cost-excludes', 'fact-follow-up', [
    ('how much did it cost to train deepseek v3', 'en', 'start', 'v3-training-cost'),
    ('what does it exclude?', 'en', 'follow-up', 'v3-cost-excludes'),
    ('how many gpus?', 'en', 'follow-up', 'v3-training-gpus'),
    ('and how many gpu hours in total?', 'en', 'follow-up', 'v3-gpu-hours'),
])
conv('en-r1-release-v3', 'fact-follow-up', [
    ('when was R1 released?', 'en', 'start', 'r1-release'),
    ('and v3?', 'en', 'follow-up', 'v3-release'),
    ('how big is it?', 'en', 'follow-up', 'v3-architecture'),
    ('more details', 'en', 'meta', 'v3-architecture'),
])
conv('fr-r1-sortie-v3', 'fact-follow-up', [
    ('R1 est sorti quand ?', 'fr', 'start', 'r1-release'),
    ('et V3 ?', 'fr', 'follow-up', 'v3-release'),
    ('il fait quelle taille ?', 'fr', 'follow-up', 'v3-architecture'),
    ('en bref ?', 'fr', 'meta', 'v3-architecture'),
])
conv('en-nasdaq-sp', 'fact-follow-up', [
    ('how much did the nasdaq drop that monday', 'en', 'start', 'nasdaq-drop'),
    ('and the s&p?', 'en', 'follow-up', 'sp500-dow'),
    ('what about chip stocks?', 'en', 'follow-up', 'semiconductor-index'),
    ('and broadcom?', 'en', 'follow-up', 'other-stocks'),
])
conv('fr-nasdaq-sp', 'fact-follow-up', [
    ('le nasdaq a perdu combien le 27 janvier ?', 'fr', 'start', 'nasdaq-drop'),
    ('et le s&p 500 ?', 'fr', 'follow-up', 'sp500-dow'),
    ('et tsmc ?', 'fr', 'follow-up', 'tsmc'),
    ('pourquoi ?', 'fr', 'follow-up', 'why-selloff'),
])
conv('en-r1-size-license', 'fact-follow-up', [
    ('how many parameters does r1 have', 'en', 'start', 'r1-size'),
    ('what license is it under?', 'en', 'follow-up', 'r1-license'),
    ('can I use it commercially?', 'en', 'follow-up', 'r1-license'),
    ('and the distilled ones?', 'en', 'follow-up', 'r1-distilled'),
])
conv('fr-r1-licence-distill', 'fact-follow-up', [
    ('r1 est sous quelle licence ?', 'fr', 'start', 'r1-license'),
    ('et les modèles distillés ?', 'fr', 'follow-up', 'r1-distilled'),
    ('ils battent o1-mini ?', 'fr', 'follow-up', ['r1-distilled', 'r1-benchmarks']),
])
conv('en-app-store', 'fact-follow-up', [
    ('did deepseek really top the app store?', 'en', 'start', 'app-store-top'),
    ('when did the app come out?', 'en', 'follow-up', 'app-launch'),
    ('which model runs it?', 'en', 'follow-up', 'app-model'),
])
conv('fr-appli', 'fact-follow-up', [
    ("l'appli deepseek a été numéro 1 sur l'app store ?", 'fr', 'start', 'app-store-top'),
    ('elle est sortie quand ?', 'fr', 'follow-up', 'app-launch'),
    ('elle tourne avec quel modèle ?', 'fr', 'follow-up', 'app-model'),
])
conv('en-h800-why', 'fact-follow-up', [
    ('what is the h800 chip', 'en', 'start', 'h800-chip'),
    ('why was it made?', 'en', 'follow-up', ['h800-chip', 'export-controls']),
    ('and the a800?', 'en', 'follow-up', 'a800-chip'),
    ('what changed in october 2023?', 'en', 'follow-up', 'oct-2023-rule'),
])
conv('fr-h800', 'fact-follow-up', [
    ("c'est quoi la puce h800 ?", 'fr', 'start', 'h800-chip'),
    ("et l'a800 ?", 'fr', 'follow-up', 'a800-chip'),
    ('elles sont interdites maintenant ?', 'fr', 'follow-up', 'oct-2023-rule'),
])
conv('en-nvidia-value', 'fact-follow-up', [
    ('how much market value did nvidia lose', 'en', 'start', 'nvidia-market-cap'),
    ('was that a record?', 'en', 'follow-up', 'market-cap-record'),
    ('what did the article get wrong?', 'en', 'follow-up', 'article-corrections'),
])
conv('fr-nvidia-valeur', 'fact-follow-up', [
    ('nvidia a perdu combien en valeur boursière ?', 'fr', 'start', 'nvidia-market-cap'),
    ("c'est un record ?", 'fr', 'follow-up', 'market-cap-record'),
    ('in English please', 'en', 'meta', 'market-cap-record'),
])
conv('en-r1-vs-o1', 'fact-follow-up', [
    ('is r1 as good as o1?', 'en', 'start', ['r1-vs-o1', 'r1-benchmarks']),
    ('what are the benchmark scores?', 'en', 'follow-up', 'r1-benchmarks'),
    ('and how much cheaper is it?', 'en', 'follow-up', 'r1-vs-o1-price'),
    ('and vs o1-mini?', 'en', 'follow-up', 'r1-vs-o1-mini-price'),
])
conv('fr-r1-vs-o1', 'fact-follow-up', [
    ('r1 est aussi bon que o1 ?', 'fr', 'start', ['r1-vs-o1', 'r1-benchmarks']),
    ("c'est combien de fois moins cher ?", 'fr', 'follow-up', 'r1-vs-o1-price'),
    ('et par rapport à o1-mini ?', 'fr', 'follow-up', 'r1-vs-o1-mini-price'),
])
conv('en-r1-zero-grpo', 'fact-follow-up', [
    ('what is r1-zero?', 'en', 'start', 'r1-zero'),
    ('what algorithm did they use?', 'en', 'follow-up', 'grpo'),
    ('in short?', 'en', 'meta', 'grpo'),
])
conv('fr-high-flyer', 'fact-follow-up', [
    ("c'est quoi high-flyer ?", 'fr', 'start', 'high-flyer'),
    ('qui l\'a fondé ?', 'fr', 'follow-up', ['high-flyer', 'founder']),
    ('et deepseek a été créée quand ?', 'fr', 'switch', 'founding-date'),
])
# --- self-contained subject changes and off-topic turns in the middle ---
conv('en-switch-founder-h800', 'switch', [
    ('who founded deepseek?', 'en', 'start', 'founder'),
    ('what is the H800?', 'en', 'switch', 'h800-chip'),
    ('when did R1 come out?', 'en', 'switch', 'r1-release'),
])
conv('fr-switch', 'switch', [
    ('qui a fondé deepseek ?', 'fr', 'start', 'founder'),
    ("le nasdaq a baissé de combien ?", 'fr', 'switch', 'nasdaq-drop'),
    ("c'est quoi GRPO ?", 'fr', 'switch', 'grpo'),
])
conv('en-offtopic-timer', 'off-topic', [
    ("what's the nasdaq drop?", 'en', 'start', 'nasdaq-drop'),
    ('set a timer for 5 minutes', 'en', 'off-topic', 'none'),
    ('and the dow?', 'en', 'follow-up', 'sp500-dow'),
])
conv('fr-offtopic-meteo', 'off-topic', [
    ('qui a fondé deepseek ?', 'fr', 'start', 'founder'),
    ('quel temps fait-il à Paris ?', 'fr', 'off-topic', 'none'),
    ('et quand ?', 'fr', 'follow-up', 'founding-date'),
])
conv('en-offtopic-lunch', 'off-topic', [
    ('why did markets react so badly to deepseek', 'en', 'start', 'why-selloff'),
    ('lunch anyone?', 'en', 'off-topic', 'none'),
    ('ok thanks all', 'en', 'off-topic', ['none', 'chat']),
])
conv('fr-offtopic-capitale', 'off-topic', [
    ("combien de gpu pour entraîner v3 ?", 'fr', 'start', 'v3-training-gpus'),
    ("c'est quoi la capitale du pérou ?", 'fr', 'off-topic', 'none'),
    ('et les heures gpu ?', 'fr', 'follow-up', 'v3-gpu-hours'),
])
conv('en-offtopic-founded', 'off-topic', [
    ('when was deepseek founded', 'en', 'start', 'founding-date'),
    ('and when was apple founded?', 'en', 'off-topic', 'none'),
    ('who is the founder again?', 'en', 'follow-up', 'founder'),
])
conv('fr-offtopic-musique', 'off-topic', [
    ("r1 c'est quelle licence", 'fr', 'start', 'r1-license'),
    ('mets de la musique', 'fr', 'off-topic', 'none'),
    ("c'est open source du coup ?", 'fr', 'follow-up', ['open-weights-nuance', 'open-source-strategy', 'r1-license']),
])
conv('en-unknown-followup', 'partial', [
    ('who founded deepseek', 'en', 'start', 'founder'),
    ("what's his net worth?", 'en', 'follow-up', 'none'),
    ('and how many employees does the company have?', 'en', 'follow-up', 'none'),
])
conv('fr-unknown-followup', 'partial', [
    ("combien a coûté l'entraînement de V3 ?", 'fr', 'start', 'v3-training-cost'),
    ('et celui de R1 ?', 'fr', 'follow-up', ['none', 'v3-training-cost', 'v3-cost-excludes']),
    ("et le chiffre d'affaires de deepseek ?", 'fr', 'follow-up', 'none'),
])
# --- cost follow-ups (R1 $0.14 hit / $0.55 / $2.19 out; o1 $7.50 / $15 / $60; o1-mini Jan $3 / $3 / $12;
#     V3 Jan promo $0.014 / $0.14 / $0.28, list from 8 Feb $0.07 / $0.27 / $1.10) ---
conv('en-cost-r1-o1', 'cost-follow-up', [
    ('10M output tokens on r1', 'en', 'start', 'cost', {'figures': [usd(21.90, '10 × 2.19')]}),
    ('and on o1?', 'en', 'follow-up', 'cost', {'figures': [usd(600.00, '10 × 60')]}),
    ('and for 5 million?', 'en', 'follow-up', 'cost', {'figures': [usd(300.00, '5 × 60')]}),
    ('input only?', 'en', 'follow-up', 'cost', {'figures': [usd(75.00, '5 × 15')]}),
    ('and if the input is cached?', 'en', 'follow-up', 'cost', {'figures': [usd(37.50, '5 × 7.50')]}),
])
conv('fr-cost-r1-o1', 'cost-follow-up', [
    ('combien coûtent 2 millions de tokens en sortie sur R1 ?', 'fr', 'start', 'cost', {'figures': [usd(4.38, '2 × 2,19')]}),
    ('et sur o1 ?', 'fr', 'follow-up', 'cost', {'figures': [usd(120.00, '2 × 60')]}),
    ('et pour 5 millions ?', 'fr', 'follow-up', 'cost', {'figures': [usd(300.00, '5 × 60')]}),
    ('en entrée seulement ?', 'fr', 'follow-up', 'cost', {'figures': [usd(75.00, '5 × 15')]}),
])
conv('fr-cost-o1mini', 'cost-follow-up', [
    ('10M de tokens en sortie sur r1', 'fr', 'start', 'cost', {'figures': [usd(21.90, '10 × 2,19')]}),
    ('et sur o1-mini ?', 'fr', 'follow-up', 'cost', {'figures': [usd(120.00, '10 × 12 (janvier 2025)')]}),
    ('en entrée seulement ?', 'fr', 'follow-up', 'cost', {'figures': [usd(30.00, '10 × 3')]}),
])
conv('en-cost-cached-r1', 'cost-follow-up', [
    ('cost of 10M input tokens on r1', 'en', 'start', 'cost', {'figures': [usd(5.50, '10 × 0.55')]}),
    ('and if they are cache hits?', 'en', 'follow-up', 'cost', {'figures': [usd(1.40, '10 × 0.14')]}),
    ('and on v3?', 'en', 'follow-up', 'cost', {'figures': [usd(0.14, '10 × 0.014 cached, Jan promo')]}),
])
conv('fr-cost-cache', 'cost-follow-up', [
    ('prix de 10 millions de tokens en entrée sur r1', 'fr', 'start', 'cost', {'figures': [usd(5.50, '10 × 0,55')]}),
    ('et en cache ?', 'fr', 'follow-up', 'cost', {'figures': [usd(1.40, '10 × 0,14')]}),
    ('et en sortie ?', 'fr', 'follow-up', 'cost', {'figures': [usd(21.90, '10 × 2,19')]}),
])
conv('en-cost-v3-list', 'cost-follow-up', [
    ('how much for 4M output tokens on deepseek-chat in january 2025?', 'en', 'start', 'cost', {'figures': [usd(1.12, '4 × 0.28 promo')]}),
    ('and after the promotion?', 'en', 'follow-up', 'cost', {'figures': [usd(4.40, '4 × 1.10 list')]}),
    ('and on r1?', 'en', 'follow-up', 'cost', {'figures': [usd(8.76, '4 × 2.19')]}),
])
conv('en-cost-then-fact', 'cost-follow-up', [
    ('1M output tokens on o1, how much?', 'en', 'start', 'cost', {'figures': [usd(60.00, '1 × 60')]}),
    ('and for 3 million?', 'en', 'follow-up', 'cost', {'figures': [usd(180.00, '3 × 60')]}),
    ('who makes o1 anyway?', 'en', 'switch', ['o1-price', 'r1-vs-o1', 'none']),
])
conv('fr-cost-then-offtopic', 'cost-follow-up', [
    ('1 million de tokens en sortie sur r1 ça coûte combien', 'fr', 'start', 'cost', {'figures': [usd(2.19, '1 × 2,19')]}),
    ('convertis 100 euros en dollars', 'fr', 'off-topic', 'none'),
    ('et sur o1 ?', 'fr', 'follow-up', 'cost', {'figures': [usd(60.00, '1 × 60')]}),
])
conv('en-training-price', 'cost-follow-up', [
    ('how much would it cost to train V3 at $3 per GPU hour?', 'en', 'start', 'training',
     {'figures': [usd(8364000, '2,788,000 GPU h × $3')]}),
    ('and at $1.50?', 'en', 'follow-up', 'training', {'figures': [usd(4182000, '2,788,000 × 1.50')]}),
])
conv('fr-training-prix', 'cost-follow-up', [
    ("combien coûterait l'entraînement de V3 à 4 $ l'heure GPU ?", 'fr', 'start', 'training',
     {'figures': [usd(11152000, '2 788 000 h × 4 $')]}),
    ('et à 1 $ ?', 'fr', 'follow-up', 'training', {'figures': [usd(2788000, '2 788 000 × 1')]}),
])
conv('en-switch-cost-to-fact', 'switch', [
    ('5M input tokens on o1', 'en', 'start', 'cost', {'figures': [usd(75.00, '5 × 15')]}),
    ('who founded deepseek?', 'en', 'switch', 'founder'),
    ('what time is it?', 'en', 'off-topic', 'none'),
])
conv('fr-switch-fact-to-cost', 'switch', [
    ('pourquoi nvidia a chuté ?', 'fr', 'start', 'why-selloff'),
    ('combien coûtent 3 millions de tokens en sortie sur o1 ?', 'fr', 'switch', 'cost', {'figures': [usd(180.00, '3 × 60')]}),
    ('et sur r1 ?', 'fr', 'follow-up', 'cost', {'figures': [usd(6.57, '3 × 2,19')]}),
])
conv('en-locale-fr', 'locale', [
    ('qui est liang wenfeng ?', 'fr', 'start', 'founder'),
    ('et high-flyer ?', 'fr', 'follow-up', 'high-flyer'),
], locale='fr')
conv('fr-lang-switch', 'meta', [
    ('how much cheaper is r1 than o1?', 'en', 'start', 'r1-vs-o1-price'),
    ('en français stp', 'fr', 'meta', 'r1-vs-o1-price'),
    ('et par rapport à o1-mini ?', 'fr', 'follow-up', 'r1-vs-o1-mini-price'),
])
conv('en-export-followups', 'fact-follow-up', [
    ('did export controls fail to stop deepseek?', 'en', 'start', 'export-controls'),
    ('what chips did they use?', 'en', 'follow-up', ['h800-chip', 'v3-training-gpus']),
    ('so is the us still ahead?', 'en', 'follow-up', 'us-ai-lead'),
])
conv('fr-export', 'fact-follow-up', [
    ("les restrictions d'export ont échoué ?", 'fr', 'start', 'export-controls'),
    ('ils ont utilisé quelles puces ?', 'fr', 'follow-up', ['h800-chip', 'v3-training-gpus']),
    ('les états-unis sont encore devant ?', 'fr', 'follow-up', 'us-ai-lead'),
])

# --- more off-topic turns in threads, and the issue's own follow-up forms ---
conv('fr-broadcom', 'fact-follow-up', [
    ('nvidia a baissé de combien le 27 janvier ?', 'fr', 'start', 'nvidia-drop'),
    ('et broadcom ?', 'fr', 'follow-up', 'other-stocks'),
    ("c'était un record pour nvidia ?", 'fr', 'follow-up', 'market-cap-record'),
    ('ok merci à tous', 'fr', 'off-topic', ['none', 'chat']),
])
conv('en-thread-chatter', 'off-topic', [
    ('what is deepseek?', 'en', 'start', 'deepseek-what'),
    ("who's joining the 3pm call?", 'en', 'off-topic', 'none'),
    ('haha nice', 'en', 'off-topic', ['none', 'chat']),
    ('who runs it?', 'en', 'follow-up', 'founder'),
])
conv('fr-thread-bavardage', 'off-topic', [
    ("c'est quoi deepseek ?", 'fr', 'start', 'deepseek-what'),
    ('on déjeune où ?', 'fr', 'off-topic', 'none'),
    ('qui est derrière ?', 'fr', 'follow-up', 'founder'),
    ('quelqu\'un a le lien de la visio ?', 'fr', 'off-topic', 'none'),
])
conv('en-offtopic-stock-today', 'off-topic', [
    ('how much did nvidia lose in market cap', 'en', 'start', 'nvidia-market-cap'),
    ("what's nvidia trading at right now?", 'en', 'off-topic', 'none'),
    ('and the chip index?', 'en', 'follow-up', 'semiconductor-index'),
])
conv('fr-offtopic-cours-du-jour', 'off-topic', [
    ('le nasdaq a perdu combien ?', 'fr', 'start', 'nasdaq-drop'),
    ("et aujourd'hui il est à combien ?", 'fr', 'off-topic', 'none'),
    ('et le dow jones ce jour-là ?', 'fr', 'follow-up', 'sp500-dow'),
])
conv('en-offtopic-other-ai', 'off-topic', [
    ('is r1 open source?', 'en', 'start', ['r1-license', 'open-source-strategy', 'open-weights-nuance']),
    ('and who founded openai?', 'en', 'off-topic', 'none'),
    ('what about v3, is it also mit?', 'en', 'follow-up', ['open-weights-nuance', 'r1-license']),
])
conv('fr-offtopic-reveil', 'off-topic', [
    ('combien de gpu ont servi à entraîner v3 ?', 'fr', 'start', 'v3-training-gpus'),
    ('mets un réveil à 7h', 'fr', 'off-topic', 'none'),
    ('et pendant combien de temps ?', 'fr', 'follow-up', 'v3-training-duration'),
])
conv('en-cost-offtopic-currency', 'off-topic', [
    ('2M output tokens on o1', 'en', 'start', 'cost', {'figures': [usd(120.00, '2 × 60')]}),
    ('convert 120 dollars to euros', 'en', 'off-topic', 'none'),
    ('and on r1?', 'en', 'follow-up', 'cost', {'figures': [usd(4.38, '2 × 2.19')]}),
])

# --- second batch (issue 9 follow-up work): thread-style conversations written before running them,
# pronouns and new aspects, "why?" after a fact, chatter in between. Not tuned: misses are kept. ---
conv('t2-en-v3-training', 'fact-follow-up', [
    ('how much did v3 cost to train?', 'en', 'start', 'v3-training-cost'),
    ('on how many chips?', 'en', 'follow-up', 'v3-training-gpus'),
    ('how long did that take?', 'en', 'follow-up', 'v3-training-duration'),
    ('brb coffee', 'en', 'off-topic', 'none'),
    ('and what data was it trained on?', 'en', 'follow-up', 'v3-training-data'),
])
conv('t2-fr-r1-sortie', 'fact-follow-up', [
    ('r1 est sorti quand ?', 'fr', 'start', 'r1-release'),
    ('et il fait combien de paramètres ?', 'fr', 'follow-up', 'r1-size'),
    ("c'est sous quelle licence ?", 'fr', 'follow-up', 'r1-license'),
    ('trop bien merci', 'fr', 'off-topic', 'none'),
])
conv('t2-en-nvidia-loss', 'fact-follow-up', [
    ('what did nvidia lose in market value?', 'en', 'start', ['nvidia-market-cap', 'nvidia-drop']),
    ('was that the biggest ever?', 'en', 'follow-up', 'market-cap-record'),
    ('why did it happen?', 'en', 'follow-up', 'why-selloff'),
    ("what's nvidia stock at now?", 'en', 'off-topic', 'none'),
])
conv('t2-fr-patron', 'fact-follow-up', [
    ("c'est qui le patron de deepseek ?", 'fr', 'start', 'founder'),
    ('il faisait quoi avant ?', 'fr', 'follow-up', ['high-flyer', 'founder']),
    ('et la boîte a été créée quand ?', 'fr', 'follow-up', 'founding-date'),
    ("quelqu'un a vu mes clés ?", 'fr', 'off-topic', 'none'),
])
conv('t2-en-app', 'fact-follow-up', [
    ('did deepseek top the app store?', 'en', 'start', 'app-store-top'),
    ('when did the app launch?', 'en', 'follow-up', 'app-launch'),
    ('which model does it use?', 'en', 'follow-up', 'app-model'),
    ('cool, lunch at 1?', 'en', 'off-topic', 'none'),
])
conv('t2-fr-prix-api', 'fact-follow-up', [
    ("combien coûte l'api de r1 ?", 'fr', 'start', 'r1-api-price'),
    ('et par rapport à o1 ?', 'fr', 'follow-up', 'r1-vs-o1-price'),
    ('et v3 ?', 'fr', 'follow-up', 'v3-api-price'),
])
conv('t2-en-export', 'fact-follow-up', [
    ('what are the us export controls on chips?', 'en', 'start', 'export-controls'),
    ("what's the h800?", 'en', 'switch', 'h800-chip'),
    ('is it still allowed?', 'en', 'follow-up', 'oct-2023-rule'),
    ("what's the weather tomorrow?", 'en', 'off-topic', 'none'),
])
conv('t2-fr-distill', 'fact-follow-up', [
    ('c\'est quoi les modèles distillés de r1 ?', 'fr', 'start', 'r1-distilled'),
    ('ils sont open source ?', 'fr', 'follow-up', ['r1-license', 'open-weights-nuance', 'r1-distilled']),
    ("et r1-zero c'est quoi ?", 'fr', 'switch', 'r1-zero'),
    ('il a été entraîné comment ?', 'fr', 'follow-up', ['grpo', 'r1-zero']),
])
conv('t2-en-nasdaq', 'fact-follow-up', [
    ('how much did the nasdaq drop?', 'en', 'start', 'nasdaq-drop'),
    ('what about the dow?', 'en', 'follow-up', 'sp500-dow'),
    ('and chip stocks?', 'en', 'follow-up', 'semiconductor-index'),
    ('why did they fall so much?', 'en', 'follow-up', 'why-selloff'),
])
conv('t2-fr-bavardage', 'off-topic', [
    ("deepseek c'est quoi ?", 'fr', 'start', 'deepseek-what'),
    ('il fait beau chez vous ?', 'fr', 'off-topic', 'none'),
    ("qui l'a créé ?", 'fr', 'follow-up', 'founder'),
    ('on se fait un resto ce soir ?', 'fr', 'off-topic', 'none'),
])
conv('t2-en-benchmarks', 'fact-follow-up', [
    ('is r1 as good as o1?', 'en', 'start', ['r1-vs-o1', 'r1-benchmarks']),
    ('on which benchmarks?', 'en', 'follow-up', 'r1-benchmarks'),
    ('how big is it?', 'en', 'follow-up', 'r1-size'),
    ('thanks, that helps', 'en', 'off-topic', 'none'),
])
conv('t2-fr-avance-us', 'fact-follow-up', [
    ("les états-unis ont-ils perdu leur avance en ia ?", 'fr', 'start', 'us-ai-lead'),
    ('et les restrictions sur les puces, elles ont servi à quoi ?', 'fr', 'follow-up', 'export-controls'),
    ('deepseek a utilisé quelles puces alors ?', 'fr', 'follow-up', ['h800-chip', 'v3-training-gpus']),
])
conv('t2-en-v3-arch', 'fact-follow-up', [
    ("what's v3's architecture?", 'en', 'start', 'v3-architecture'),
    ('how many parameters are active?', 'en', 'follow-up', 'v3-architecture'),
    ('are the weights public?', 'en', 'follow-up', ['open-weights-nuance', 'r1-license']),
    ('what time is the standup?', 'en', 'off-topic', 'none'),
])
conv('t2-fr-krach', 'fact-follow-up', [
    ("c'était quand le krach ?", 'fr', 'start', 'selloff-date'),
    ('nvidia a perdu combien ce jour-là ?', 'fr', 'switch', ['nvidia-drop', 'nvidia-market-cap']),
    ("c'est un record ?", 'fr', 'follow-up', 'market-cap-record'),
    ('pourquoi ça a chuté autant ?', 'fr', 'follow-up', 'why-selloff'),
])
conv('t2-en-cost-excludes', 'fact-follow-up', [
    ('was v3 really trained for under $6m?', 'en', 'start', 'v3-training-cost'),
    ("what's not included in that?", 'en', 'follow-up', 'v3-cost-excludes'),
    ('did the article get anything wrong?', 'en', 'switch', 'article-corrections'),
])
conv('t2-fr-telechargements', 'off-topic', [
    ('r1 a été téléchargé combien de fois ?', 'fr', 'start', 'huggingface-downloads'),
    ('mets-moi un rappel pour demain', 'fr', 'off-topic', 'none'),
    ('et sur quelle plateforme ?', 'fr', 'follow-up', 'huggingface-downloads'),
])
conv('t2-en-high-flyer', 'fact-follow-up', [
    ("what's high-flyer?", 'en', 'start', 'high-flyer'),
    ('who runs it?', 'en', 'follow-up', 'founder'),
    ('when did deepseek come out of it?', 'en', 'follow-up', 'founding-date'),
])
conv('t2-fr-o1-mini', 'off-topic', [
    ('o1-mini coûte combien ?', 'fr', 'start', 'o1-mini-price'),
    ('et r1 à côté ?', 'fr', 'follow-up', ['r1-vs-o1-mini-price', 'r1-api-price']),
    ('ok top, on en reparle lundi', 'fr', 'off-topic', 'none'),
])
conv('t2-en-open-source', 'off-topic', [
    ('why did deepseek open source r1?', 'en', 'start', 'open-source-strategy'),
    ('under what license?', 'en', 'follow-up', 'r1-license'),
    ("who's got the zoom link?", 'en', 'off-topic', 'none'),
])
conv('t2-fr-heure', 'off-topic', [
    ('les géants de la tech dépensent combien en infrastructures ia ?', 'fr', 'start', 'infrastructure-spending'),
    ('quelle heure il est ?', 'fr', 'off-topic', 'none'),
    ('et nvidia a perdu combien ?', 'fr', 'switch', ['nvidia-drop', 'nvidia-market-cap']),
])

# The second batch goes to its own file (set `threads`), so the first set's figures stay comparable.
OUT2 = os.path.join(HERE, '..', 'conversations-threads.jsonl')
for path, convs in ((OUT, [c for c in C if not c['id'].startswith('t2-')]),
                    (OUT2, [c for c in C if c['id'].startswith('t2-')])):
    write(path, convs)
    turns = sum(len(c['turns']) for c in convs)
    print(os.path.basename(path) + ':', len(convs), 'conversations,', turns, 'turns;',
          sum(1 for c in convs if c['turns'][0]['lang'] == 'fr'), 'start in French')
