#!/usr/bin/env python3
"""Builds tests/eval/must-refuse.jsonl: questions briefbot must NOT answer from its knowledge.

Two sources, both written for this set (never copied from knowledge/):
- must_refuse_en.txt / must_refuse_fr.txt: hand-written lines, "# category: x" headers;
- the slot templates below, each capped and sampled with a fixed seed so no template dominates.
Run: python3 tests/eval/build/must_refuse.py  (deterministic).
"""
import json, os, random, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'must-refuse.jsonl')
rng = random.Random(20250127)

def norm(s):
    s = unicodedata.normalize('NFD', s.lower())
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return re.sub(r'[^a-z0-9]+', ' ', s).strip()

def read_hand(path, lang):
    items, cat = [], None
    for line in open(path, encoding='utf8'):
        line = line.rstrip('\n')
        if not line.strip():
            continue
        m = re.match(r'#\s*category:\s*(\S+)', line)
        if m:
            cat = m.group(1)
            continue
        items.append({'question': line.strip(), 'lang': lang, 'category': cat, 'origin': 'hand'})
    return items

def expand(lang, category, patterns, slots, cap):
    """All slot combinations of the patterns, sampled down to `cap`."""
    combos = []
    for p in patterns:
        names = re.findall(r'\{(\w+)\}', p)
        def rec(i, acc):
            if i == len(names):
                combos.append(p.format(**acc))
                return
            for v in slots[names[i]]:
                rec(i + 1, {**acc, names[i]: v})
        rec(0, {})
    rng.shuffle(combos)
    return [{'question': q, 'lang': lang, 'category': category, 'origin': 'template'} for q in combos[:cap]]

EN = {
    'time': ['6am', '6:15', '7.30', 'half past seven', 'noon', '5:45 am', '8 tomorrow', '9pm'],
    'city': ['Lisbon', 'Montreal', 'Seattle', 'Madrid', 'Austin', 'Dublin', 'Nairobi', 'Osaka', 'Denver', 'Prague'],
    'when': ['today', 'tomorrow', 'this weekend', 'on monday', 'tonight', 'next week'],
    'country': ['Peru', 'Kenya', 'Norway', 'Vietnam', 'Canada', 'Morocco', 'Chile', 'Poland', 'Egypt', 'Thailand', 'Portugal', 'Iceland'],
    'company': ['apple', 'google', 'tesla', 'ibm', 'netflix', 'spotify', 'samsung', 'airbnb', 'uber', 'intel', 'amd', 'oracle', 'salesforce', 'nike', 'ikea'],
    'thing': ['a netflix subscription', 'a tesla model 3', 'a plane ticket to Lisbon', 'a ps5', 'a coffee in london', 'an apartment in austin', 'a gym membership', 'a used car', 'solar panels', 'a wedding'],
    'artist': ['drake', 'beyonce', 'coldplay', 'the beatles', 'daft punk', 'bad bunny', 'adele', 'miles davis', 'queen', 'billie eilish'],
    'n': ['5', '100', '2,500', '10 million', '1.5k', '300', '42', '1000'],
    'cur': ['dollars', 'euros', 'yen', 'pounds', 'bitcoin'],
    'cur2': ['euros', 'dollars', 'swiss francs', 'yuan'],
    'task': ['buy milk', 'call grandma', 'water the plants', 'send the invoice', 'pick up the kids', 'book the dentist', 'pay rent', 'take my meds'],
    'acro': ['NASA', 'FBI', 'GDP', 'HTML', 'CPU', 'IPO', 'NATO', 'ETF', 'API', 'SaaS'],
    'celeb': ['tom hanks', 'beyonce', 'lionel messi', 'oprah', 'keanu reeves', 'serena williams', 'bill gates', 'rihanna', 'warren buffett', 'jeff bezos'],
    'event': ['the chernobyl disaster', 'the first iphone launch', 'the fall of constantinople', 'the moon landing', 'the french revolution', '9/11', 'brexit', 'the great fire of london'],
    'unit': ['cups in a liter', 'feet in a mile', 'grams in a pound', 'seconds in a day', 'ml in a tablespoon', 'inches in a meter'],
    'a': ['17', '23', '144', '365', '1,024'],
    'b': ['3', '12', '48', '7'],
    'phrase': ['good morning', 'where is the station', 'thank you very much', 'I love you', 'how much is it'],
    'tlang': ['spanish', 'german', 'japanese', 'italian'],
    'sport_event': ['world cup', 'champions league', 'nba finals', 'tour de france', 'super bowl', 'wimbledon'],
    'year': ['2010', '2014', '2018', '2022', '2006'],
    'size': ['1000', '50k', '2 million', '10,000', '300'],
}
EN_T = [
    ('assistant-alarm', ['set an alarm for {time}', 'wake me up at {time}', 'alarm at {time} pls', 'can you wake me at {time}?'], 14),
    ('assistant-weather', ['weather in {city} {when}', 'is it going to rain in {city} {when}?', 'how cold is it in {city} {when}', 'forecast {city} {when}'], 26),
    ('assistant-travel', ['how far is {city} from here', 'flights to {city} {when}', 'train times to {city} {when}', 'book a hotel in {city} for {when}'], 20),
    ('general-geography', ["what's the capital of {country}", 'how many people live in {country}?', 'what currency does {country} use', 'where is {country}', 'what language is spoken in {country}'], 26),
    ('general-people', ['when was {company} founded', 'who founded {company}?', 'who is the ceo of {company}', 'how old is {celeb}', 'how rich is {celeb}'], 30),
    ('general-culture', ['how much does {thing} cost', 'is {thing} worth it?', 'average price of {thing}'], 16),
    ('assistant-music', ['play {artist}', 'put on some {artist}', 'play the best of {artist}', 'shuffle {artist}'], 16),
    ('assistant-banking', ['convert {n} {cur} to {cur2}', 'how much is {n} {cur} in {cur2}', 'send {n} {cur} to my brother'], 18),
    ('assistant-calendar', ['remind me to {task} at {time}', 'remind me to {task} {when}', "don't let me forget to {task}"], 22),
    ('everyday-chatter', ['what does {acro} stand for', "what's {a} times {b}", 'what is {a} divided by {b}', 'how many {unit}', "translate '{phrase}' to {tlang}"], 30),
    ('general-history', ['what year did {event} happen', 'when was {event}', 'tell me about {event}'], 16),
    ('general-sport', ['who won the {year} {sport_event}', 'when is the next {sport_event}', 'where was the {year} {sport_event}'], 16),
    ('everyday-chatter', ['we have {size} users, how do I scale my database?', 'my app gets {size} requests a day, is that a lot?', 'I ran {n} km this week', 'our party budget is {n} dollars, ideas?', 'I need to read {size} pages by friday, tips?'], 18),
]

FR = {
    'time': ['6h', '6h15', '7h30', 'midi', '5h45', '8h demain', '21h', '7 heures'],
    'city': ['Lisbonne', 'Montréal', 'Nantes', 'Madrid', 'Toulouse', 'Bruxelles', 'Dakar', 'Genève', 'Lille', 'Prague'],
    'when': ["aujourd'hui", 'demain', 'ce week-end', 'lundi', 'ce soir', 'la semaine prochaine'],
    'country': ['Pérou', 'Kenya', 'Norvège', 'Vietnam', 'Canada', 'Maroc', 'Chili', 'Pologne', 'Égypte', 'Thaïlande', 'Portugal', 'Islande'],
    'company': ['apple', 'google', 'tesla', 'ibm', 'netflix', 'spotify', 'samsung', 'airbnb', 'uber', 'intel', 'amd', 'oracle', 'danone', 'michelin', 'ikea'],
    'thing': ['un abonnement netflix', 'une tesla model 3', 'un billet pour Lisbonne', 'une ps5', 'un café à paris', 'un appart à lyon', 'une salle de sport', 'une voiture d\'occasion', 'des panneaux solaires', 'un mariage'],
    'artist': ['stromae', 'aya nakamura', 'daft punk', 'jul', 'angèle', 'édith piaf', 'orelsan', 'christine and the queens', 'johnny hallyday', 'pnl'],
    'n': ['5', '100', '2 500', '10 millions', '1,5k', '300', '42', '1000'],
    'cur': ['euros', 'dollars', 'yens', 'livres', 'bitcoins'],
    'cur2': ['dollars', 'euros', 'francs suisses', 'yuans'],
    'task': ['acheter du lait', 'appeler mamie', 'arroser les plantes', 'envoyer la facture', 'chercher les enfants', 'prendre rdv chez le dentiste', 'payer le loyer', 'prendre mes médocs'],
    'acro': ['NASA', 'SNCF', 'PIB', 'HTML', 'CPU', 'TVA', 'OTAN', 'CAF', 'API', 'URSSAF'],
    'celeb': ['omar sy', 'zidane', 'kylian mbappé', 'marion cotillard', 'bernard arnault', 'céline dion', 'thomas pesquet', 'aya nakamura', 'jean dujardin', 'xavier niel'],
    'event': ['la catastrophe de tchernobyl', 'la sortie du premier iphone', 'la prise de la bastille', 'le premier pas sur la lune', 'mai 68', 'le 11 septembre', 'le brexit', 'la chute du mur'],
    'unit': ['tasses dans un litre', 'mètres dans un mile', 'grammes dans une livre', 'secondes dans une journée', 'ml dans une cuillère à soupe', 'centimètres dans un pouce'],
    'a': ['17', '23', '144', '365', '1 024'],
    'b': ['3', '12', '48', '7'],
    'phrase': ['bonjour', 'où est la gare', 'merci beaucoup', 'je t\'aime', "c'est combien"],
    'tlang': ['espagnol', 'allemand', 'japonais', 'italien'],
    'sport_event': ['la coupe du monde', 'la ligue des champions', 'le tour de france', 'roland-garros', "l'euro de foot", 'les finales NBA'],
    'year': ['2010', '2014', '2018', '2022', '2006'],
    'size': ['1000', '50k', '2 millions', '10 000', '300'],
}
FR_T = [
    ('assistant-alarm', ['mets un réveil à {time}', 'réveille-moi à {time}', 'alarme à {time} stp', 'tu peux me réveiller à {time} ?'], 14),
    ('assistant-weather', ['météo à {city} {when}', 'il va pleuvoir à {city} {when} ?', 'il fait froid à {city} {when} ?', 'prévisions {city} {when}'], 26),
    ('assistant-travel', ["c'est loin {city} d'ici ?", 'vols pour {city} {when}', 'horaires de train pour {city} {when}', 'réserve un hôtel à {city} pour {when}'], 20),
    ('general-people', ['{company} a été fondée quand', 'qui a fondé {company} ?', 'qui dirige {company}', 'quel âge a {celeb}', '{celeb} gagne combien'], 30),
    ('general-culture', ['combien coûte {thing}', '{thing}, ça vaut le coup ?', 'prix moyen de {thing}'], 16),
    ('assistant-music', ['joue {artist}', 'mets du {artist}', 'lance le best of de {artist}', 'aléatoire sur {artist}'], 16),
    ('assistant-banking', ['convertis {n} {cur} en {cur2}', 'combien font {n} {cur} en {cur2}', 'envoie {n} {cur} à mon frère'], 18),
    ('assistant-calendar', ['rappelle-moi de {task} à {time}', 'rappelle-moi de {task} {when}', "fais-moi penser à {task}"], 22),
    ('everyday-chatter', ['que veut dire {acro}', 'combien font {a} fois {b}', 'combien font {a} divisé par {b}', 'combien de {unit}', 'traduis « {phrase} » en {tlang}'], 30),
    ('general-history', ['en quelle année a eu lieu {event}', "c'était quand {event}", 'raconte-moi {event}'], 16),
    ('general-sport', ['qui a gagné {sport_event} {year}', '{sport_event} {year}, qui a gagné ?', "{sport_event} {year} c'était où"], 16),
    ('everyday-chatter', ['on a {size} utilisateurs, comment scaler la base ?', 'mon appli reçoit {size} requêtes par jour, c\'est beaucoup ?', "j'ai couru {n} km cette semaine", 'on a {n} euros de budget pour la fête, des idées ?', 'je dois lire {size} pages pour vendredi, des astuces ?'], 18),
]

items = read_hand(os.path.join(HERE, 'must_refuse_en.txt'), 'en') + read_hand(os.path.join(HERE, 'must_refuse_fr.txt'), 'fr')
for cat, pats, cap in EN_T:
    items += expand('en', cat, pats, EN, cap)
for cat, pats, cap in FR_T:
    items += expand('fr', cat, pats, FR, cap)
# French country names need their article: one row per country, sampled like the templates.
FR_COUNTRIES = [('du Pérou', 'au Pérou', 'le Pérou'), ('du Kenya', 'au Kenya', 'le Kenya'), ('de la Norvège', 'en Norvège', 'la Norvège'),
    ('du Vietnam', 'au Vietnam', 'le Vietnam'), ('du Canada', 'au Canada', 'le Canada'), ('du Maroc', 'au Maroc', 'le Maroc'),
    ('du Chili', 'au Chili', 'le Chili'), ('de la Pologne', 'en Pologne', 'la Pologne'), ("de l'Égypte", 'en Égypte', "l'Égypte"),
    ('de la Thaïlande', 'en Thaïlande', 'la Thaïlande'), ('du Portugal', 'au Portugal', 'le Portugal'), ("de l'Islande", 'en Islande', "l'Islande")]
geo = []
for de, au, le in FR_COUNTRIES:
    geo += ['quelle est la capitale ' + de, "combien d'habitants " + au + ' ?', 'quelle monnaie ' + au, 'où se trouve ' + le, 'on parle quelle langue ' + au]
rng.shuffle(geo)
items += [{'question': q, 'lang': 'fr', 'category': 'general-geography', 'origin': 'template'} for q in geo[:26]]

seen, out = set(), []
for it in items:
    k = norm(it['question'])
    if k in seen:
        continue
    seen.add(k)
    out.append(it)
with open(OUT, 'w', encoding='utf8') as f:
    for it in out:
        f.write(json.dumps(it, ensure_ascii=False) + '\n')
print(len(out), 'written;', sum(1 for i in out if i['lang'] == 'fr'), 'French;', sum(1 for i in out if i['origin'] == 'template'), 'from templates')
