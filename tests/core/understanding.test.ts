import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../../src/core/conversation.js';
import {
  formatProblem,
  loadEngineFromDir,
  readKnowledgeDir,
  renderText,
  validateKnowledge,
} from '../../src/core/index.js';
import { Lexicon } from '../../src/core/lexicon.js';
import { makeReply, shownConfidence } from '../../src/core/reply.js';
import { splitParts } from '../../src/core/understand.js';

const DIR = join(import.meta.dirname, '../../knowledge');
const engine = loadEngineFromDir(DIR);
const ask = (text: string, locale?: string) => engine.answer({ text, locale: locale ?? null });

/** Plays a conversation: each question gets the turns before it as context, like the callers do. */
function converse(...questions: string[]) {
  const turns: Turn[] = [];
  return questions.map((text) => {
    const reply = engine.answer({ text, context: turns.length > 0 ? { turns: [...turns] } : null });
    if (reply.turn) turns.push(reply.turn);
    return reply;
  });
}

describe('grounding: only questions about the event are answered from the knowledge', () => {
  it.each([
    "what's the time in EST?",
    'how old is the universe',
    "what's my name",
    'what is value?',
    'I lost my phone',
    'how many countries exist?',
    "j'ai perdu mon téléphone",
    'quelle heure est-il ?',
    'who founded Apple?',
    'what is chatgpt',
    'what are the rules of rugby?',
    'should we be trading nvidia this week?',
    'any good ai tool for making slides?',
    'quel est un bon prix pour un vélo ?',
    "c'est quoi un bon modèle économique pour une startup ?",
    'combien coûte une bonne carte graphique ?',
    'which ai chatbot is free and good?',
    'hey is deepseek down for everyone?',
    'r1 does how many tokens per second?',
    'so how many people use r1 these days?',
    "c'est quoi un token ?",
  ])('refuses "%s"', (text) => {
    const reply = ask(text);
    expect(reply.answered).toBe(false);
    expect(reply.kind).not.toBe('fact');
  });

  it('answers what people really type: filler, headlines, idioms', () => {
    expect(ask('wait, what even is DeepSeek??').entryId).toBe('deepseek-what');
    expect(ask('Qui tire les ficelles chez DeepSeek ?').entryId).toBe('founder');
    expect(ask('ok so who is running deepseek exactly').entryId).toBe('founder');
    expect(ask('Bon, DeepSeek, c’est quoi le délire ?').entryId).toBe('deepseek-what');
    expect(ask('Nvidia: what went wrong on Monday?').entryId).toBe('nvidia-drop');
  });

  it('still reads the thing a cue phrase names ("where does deepseek come from", "ban deepseek")', () => {
    expect(['founder', 'founding-date', 'high-flyer']).toContain(
      ask('so where did deepseek come from?').entryId,
    );
    const ban = ask('is anyone trying to ban deepseek?');
    expect(ban.answered).toBe(false);
    expect(ban.body).toMatch(/ban/i);
  });

  it('reads who made a thing as who is behind its maker, and when it was made as its release', () => {
    for (const q of ['so who built r1?', 'qui a développé DeepSeek-V3 ?', 'who is behind r1-zero?'])
      expect(ask(q).entryId).toBe('founder');
    expect(ask('when was r1 made?').entryId).toBe('r1-release');
    expect(ask('what base model was used to create R1-Zero?').entryId).not.toBe('founder');
  });

  it('reads trading as the hedge fund behind DeepSeek, not as a market tip', () => {
    expect(['high-flyer', 'founder']).toContain(ask('deepseek came out of a trading firm?').entryId);
  });

  it('reads a description as the thing it describes', () => {
    expect(ask('who founded the chinese ai startup?').entryId).toBe('founder');
  });
});

describe('headlines: how papers say it', () => {
  it.each([
    ['Nvidia shares plummet as DeepSeek rattles investors', ['nvidia-drop', 'why-selloff']],
    ['Le Nasdaq dégringole, la tech dans le rouge', ['nasdaq-drop', 'other-stocks', 'why-selloff']],
    ['Chinese upstart DeepSeek shook Wall Street on Monday', ['why-selloff', 'selloff-date']],
    ["Who's the founder of DeepSeek? The quiet hedge-fund man behind the chatbot", ['founder']],
    [
      'Nvidia a perdu combien lundi ? Retour sur une journée historique',
      ['nvidia-drop', 'market-cap-record'],
    ],
    ["what's the story of DeepSeek so far?", ['timeline', 'founding-date', 'deepseek-what']],
    ['which one is stronger, R1 or o1?', ['r1-vs-o1', 'r1-benchmarks']],
    ['what sparked the Nvidia selloff?', ['why-selloff']],
    ['the $5.6M figure, what does it cover exactly?', ['v3-cost-excludes', 'v3-training-cost']],
    ['les 5,6 millions, ça comprend quoi exactement ?', ['v3-cost-excludes']],
    ['pourquoi cette panique boursière ?', ['why-selloff']],
    ['hold on, deepseek did what to nvidia??', ['nvidia-drop', 'why-selloff']],
    ['nvidia got crushed, how bad was it', ['nvidia-drop']],
    ['cest quoi high-flyer', ['high-flyer']],
    ["l'article raconte n'importe quoi sur nvidia ?", ['article-corrections']],
    ['is the article even accurate', ['article-corrections']],
    ["nvidia s'est pris combien dans les dents ?", ['nvidia-drop']],
    ['deepseek a fait ça avec si peu de moyens ?', ['efficiency-lesson']],
    ['et quelles conséquences pour nvidia ?', ['nvidia-drop', 'nvidia-market-cap', 'why-selloff']],
    ['le nasdaq a monté ou baissé ce jour-là ?', ['nasdaq-drop']],
    ['r1 est 27 fois moins cher que o1, ou c’est du flan ?', ['r1-vs-o1-price']],
    ['the app beat chatgpt on the app store or is it cap', ['app-store-top']],
    ["deepseek, ça sort d'où au juste ?", ['founder', 'high-flyer', 'founding-date']],
    ['on a le droit de mettre r1 dans un produit en entreprise ?', ['r1-license']],
    ['la licence MIT, elle permet quoi ?', ['r1-license']],
  ])('"%s" is answered from the event', (text, expected) => {
    const reply = ask(text);
    expect(reply.answered).toBe(true);
    expect(expected).toContain(reply.entryId);
  });
});

describe('inflections of the vocabulary’s words', () => {
  const { kb } = validateKnowledge(readKnowledgeDir(DIR));
  const lexicon = new Lexicon(kb?.vocabulary as NonNullable<typeof kb>['vocabulary']);

  it.each([
    ['inquietaient', 'inquiete'],
    ['bouleversait', 'bouleverse'],
    ['threatening', 'threaten'],
    ['dominating', 'dominate'],
  ])('"%s" is read as the concept of "%s"', (inflected, listed) => {
    expect(lexicon.term(listed)).not.toBe(listed);
    expect(lexicon.term(inflected)).toBe(lexicon.term(listed));
  });

  it('leaves words outside the vocabulary as they are', () => {
    expect(lexicon.term('croissants')).toBe('croissant');
  });

  it('never reads a word of one language as an inflection of the other’s ("effect" is not "effectif")', () => {
    expect(lexicon.term('effectif')).toBe(lexicon.term('effectifs'));
    expect(lexicon.term('effect')).not.toBe(lexicon.term('effectif'));
  });
});

describe('small talk', () => {
  it.each([
    ['hi', 'en'],
    ['thanks!', 'en'],
    ['merci beaucoup', 'fr'],
    ['bonjour', 'fr'],
    ['who are you?', 'en'],
    ['qui t’a créé ?', 'fr'],
    ['are you a bot', 'en'],
    ['what can you do', 'en'],
    ['good bot', 'en'],
    ['t’es nul', 'fr'],
  ])('"%s" gets a friendly chat reply in %s, not an answer or a refusal', (text, lang) => {
    const reply = ask(text);
    expect(reply.kind).toBe('chat');
    expect(reply.answered).toBe(false);
    expect(reply.lang).toBe(lang);
    expect(reply.body.length).toBeGreaterThan(10);
  });

  it('answers a question that comes with a greeting', () => {
    expect(ask('hi, who founded deepseek?').entryId).toBe('founder');
    expect(ask('merci ! et qui a fondé deepseek ?').entryId).toBe('founder');
  });
});

describe('compound questions', () => {
  it('answers every part in one reply', () => {
    const en = ask('who founded deepseek and when?');
    expect(en.kind).toBe('fact');
    expect(en.body).toContain('Liang Wenfeng');
    expect(en.body).toContain('2023');
    const fr = ask('quand est sorti R1 et combien coûte son API ?');
    expect(fr.lang).toBe('fr');
    expect(fr.body).toContain('20 janvier 2025');
    expect(fr.body).toContain('2,19');
  });

  it('keeps a question about two things together when its second half asks nothing', () => {
    expect(ask('how did Broadcom and AMD do that day?').entryId).toBe('other-stocks');
  });

  it('asks the same of a second thing named after a pause ("…, et le s&p 500 ?")', () => {
    const fr = ask('de combien a reculé le nasdaq, et le s&p 500 ?');
    expect(fr.body).toContain('3,07');
    expect(fr.body).toContain('1,46');
    const en = ask('when did r1 come out, and v3?');
    expect(en.body).toContain('20 January 2025');
    expect(en.body).toContain('26 December 2024');
  });

  it('says so when only one part is answered, and is less sure than for a whole answer', () => {
    const half = ask('who founded DeepSeek and what is the weather in Paris?');
    const whole = ask('who founded DeepSeek?');
    expect(half.entryId).toBe('founder');
    expect(half.body).toContain("couldn't answer the rest");
    expect(half.confidence ?? 1).toBeLessThan(whole.confidence ?? 0);
  });

  it('splits on "and / et", not on "also / aussi" inside a clause ("aussi spécial" is "so special")', () => {
    expect(splitParts('pourquoi R1 est-il aussi bon marché ?')).toHaveLength(1);
    expect(splitParts('is V3 also open source?')).toHaveLength(1);
    const both = ask('c’est quoi R1 et qu’est-ce qui le rend aussi spécial ?');
    expect(both.lang).toBe('fr');
    expect(both.answered).toBe(true);
    expect(both.title).toContain(' · ');
  });

  it('reads "between X and Y" as one comparison, so a later model on one side is not dropped', () => {
    expect(ask('quelle différence entre R1 et o1 ?').entryId).toBe('r1-vs-o1');
    const later = ask('what is the difference between R1 and o3-mini?');
    expect(later.answered).toBe(false);
  });
});

describe('a setting, then the question', () => {
  it('answers the question after the colon, about the things named before it', () => {
    const r = ask('DeepSeek shook the market: who founded it?');
    expect(r.entryId).toBe('founder');
    // A headline with a colon and no question keeps its whole reading.
    expect(ask('DeepSeek : qui l’a fondée ?').entryId).toBe('founder');
  });
});

describe('several sentences', () => {
  it('does not answer one sentence when another asks what the sources never cover', () => {
    expect(ask('Nvidia in trouble? The firm allegedly helped the Chinese army').answered).toBe(false);
  });
});

describe('gaps name what is missing, for the thing asked about', () => {
  it('says DeepSeek’s valuation is not in the sources only when the valuation asked is DeepSeek’s', () => {
    expect(ask("what is DeepSeek's valuation?").body).toContain('valuation');
    const nvidia = ask("did DeepSeek hurt Nvidia's valuation?");
    expect(nvidia.body).not.toContain("DeepSeek's valuation");
    // Nvidia's valuation is in the sources: asking about it is no question about funding.
    expect(ask("why did nvidia's valuation drop?").answered).toBe(true);
    expect(ask('quelle est la valorisation de nvidia après la chute ?').entryId).toBe('nvidia-market-cap');
    expect(ask('DeepSeek valorisation ?').answered).toBe(false);
  });

  it('says claims of copying OpenAI are not covered, and still answers about R1’s own distilled models', () => {
    for (const q of [
      'did deepseek train r1 by distilling o1?',
      'DeepSeek a-t-il distillé les modèles d’OpenAI ?',
    ]) {
      const reply = ask(q);
      expect(reply.answered).toBe(false);
      expect(reply.body).toMatch(/OpenAI/);
      expect(reply.body).toMatch(/Qwen/);
    }
    expect(ask('is the distilled 32b model better than o1-mini?').entryId).toBe('r1-distilled');
  });

  it('says what the sources do not hold about the founder and High-Flyer, not DeepSeek’s own facts', () => {
    const age = ask('liang wenfeng is how old now?');
    expect(age.answered).toBe(false);
    expect(age.body).toMatch(/age/);
    const hf = ask('en quelle année High-Flyer a-t-il été fondé ?');
    expect(hf.answered).toBe(false);
    expect(hf.body).toMatch(/High-Flyer/);
    expect(ask('who co-founded high-flyer?').entryId).toBe('founder');
  });

  it('says download counts of the app and o1’s size are not in the sources, and keeps what is', () => {
    const app = ask('so how many times was the deepseek app downloaded?');
    expect(app.answered).toBe(false);
    expect(app.body).toMatch(/App Store/);
    expect(ask('combien de téléchargements de R1 sur Hugging Face ?').entryId).toBe('huggingface-downloads');
    const o1 = ask('o1 has what context window?');
    expect(o1.answered).toBe(false);
    expect(o1.body).toMatch(/o1/);
    expect(ask("what's r1's context window?").entryId).toBe('r1-size');
  });

  it('says what the sources do not hold about the companies and chips around the event', () => {
    for (const [q, word] of [
      ['ok but when was nvidia founded?', 'Nvidia'],
      ['qui dirige openai ?', 'OpenAI'],
      ['so how much did it cost openai to train o1?', 'o1'],
      ['et une H800, ça se vend combien ?', 'H800'],
    ] as const) {
      const reply = ask(q);
      expect(reply.answered).toBe(false);
      expect(reply.body).toContain(word);
    }
    expect(ask('h800 rental price per hour?').entryId).toBe('v3-gpu-hours');
    for (const q of ['is deepseek a publicly traded company?', 'peut-on acheter des actions DeepSeek ?']) {
      const reply = ask(q);
      expect(reply.answered).toBe(false);
      expect(reply.body).toContain('High-Flyer');
    }
  });

  it('reads trusting DeepSeek as its data safety, and trusting a figure as a question about it', () => {
    const trust = ask('on peut faire confiance à deepseek au boulot ?');
    expect(trust.answered).toBe(false);
    expect(trust.body).toMatch(/sécurité des données/);
  });

  it('says what public figures said is not in the sources', () => {
    const reply = ask('what did jensen huang say about deepseek?');
    expect(reply.answered).toBe(false);
    expect(reply.body).toMatch(/public figures/);
    expect(ask('qu’est-ce que Donald Trump a dit de DeepSeek ?').body).toMatch(/personnalités/);
  });
});

describe('qualifiers and "latest"', () => {
  it('reads past qualifiers that say nothing of what is asked', () => {
    // Unknown words weigh like unknown names: a qualifier must not count as one.
    const plain = ask('Pourquoi DeepSeek est une avancée ?');
    const qualified = ask('Pourquoi DeepSeek est une avancée majeure ?');
    expect(qualified.entryId).toBe(plain.entryId);
    expect(qualified.confidence).toBeCloseTo(plain.confidence ?? 0, 2);
  });

  it('reads "when" in the middle of a statement as joining two clauses, not as asking a date', () => {
    const headline = engine.answer({ text: 'DeepSeek-R1 - Quand l’IA apprend à raisonner toute seule' });
    expect(headline.entryId).not.toBe('r1-release');
    // Asked, at the start or the end, or with a question mark, it still asks when.
    expect(ask('quand est sorti R1').entryId).toBe('r1-release');
    expect(ask('R1 est sorti quand').entryId).toBe('r1-release');
    expect(ask('DeepSeek a lancé R1, c’était quand ?').entryId).toBe('r1-release');
  });

  it('reads "leads" of a headline as a verb, and "been around" as asking since when', () => {
    expect(ask('Nvidia leads tech rout').entryId).not.toBe('timeline');
    expect(ask('who leads DeepSeek?').entryId).toBe('founder');
    expect(ask('how long has deepseek been around?').entryId).toBe('founding-date');
    expect(ask('deepseek existe depuis combien de temps ?').entryId).toBe('founding-date');
  });

  it('answers about the US government’s export rules; the Chinese government’s reach is a gap', () => {
    expect(ask('Why did the US government restrict Nvidia chip exports to China?').entryId).toBe(
      'export-controls',
    );
    expect(ask('Did the export controls ban H800 sales to China?').entryId).toBe('export-controls');
    expect(ask('how much of the nasdaq drop did nvidia account for?').answered).toBe(true);
    // The reasons the US gives are not in the sources: said so, with the rules themselves nearby.
    const why = ask('les contrôles à l’export sont-ils une question de sécurité nationale ?');
    expect(why.answered).toBe(false);
    expect(why.body).toMatch(/octobre 2022/);
    expect(ask('does the chinese government control deepseek?').answered).toBe(false);
    expect(ask('le gouvernement chinois a-t-il accès aux données de DeepSeek ?').answered).toBe(false);
  });

  it('reads "du côté de" as "as for", not as a share price; "la cote de" still asks one', () => {
    expect(ask('Et du côté de Nvidia, quelle a été la perte ?').entryId).toBe('nvidia-drop');
    expect(ask('de son côté, le Nasdaq a perdu combien ?').entryId).toBe('nasdaq-drop');
    expect(ask('nvda cote combien').answered).toBe(false);
    expect(ask('Nvidia lost how much worth of market value?').entryId).toBe('nvidia-market-cap');
    expect(ask('how much is deepseek worth?').answered).toBe(false);
  });

  it('reads "coder" as coding and "peur" as fear, never as typos of "cover" and "per"', () => {
    expect(ask('R1 sait-il coder ?').entryId).toBe('r1-benchmarks');
    expect(ask('Pourquoi DeepSeek fait peur aux géants américains').entryId).toBe('why-selloff');
  });

  it('reads chat idioms: doubts about a figure, "6 mil", going viral, losing their minds', () => {
    expect(ask('is the $6M number legit').entryId).toBe('v3-cost-excludes');
    expect(ask('le chiffre de 6 millions est-il exagéré ?').entryId).toBe('v3-cost-excludes');
    expect(ask('did they really train it for 6 mil').entryId).toBe('v3-training-cost');
    expect(ask('did the deepseek app go viral').entryId).toBe('app-store-top');
    expect(ask("l'appli deepseek a fait un carton ?").entryId).toBe('app-store-top');
    expect(ask('why is everyone losing their minds over deepseek').entryId).toBe('why-selloff');
  });

  it('reads French chat: "le mec derrière", "pris cher", "pour ma boîte", "du pipeau"', () => {
    expect(ask("c'est qui le mec derrière deepseek").entryId).toBe('founder');
    expect(ask('nvidia a pris cher lundi ?').entryId).toBe('nvidia-drop');
    expect(ask('je peux utiliser r1 pour ma boîte ?').entryId).toBe('r1-license');
    expect(ask("les 6 millions c'est du pipeau ?").entryId).toBe('v3-cost-excludes');
    expect(ask("qu'est-ce que les 5,6 millions ne comptent pas ?").entryId).toBe('v3-cost-excludes');
  });

  it('refuses what the sources lack, however it is asked: today’s share price, data sent to China, app ratings', () => {
    for (const text of [
      'how much is nvidia stock today?',
      'does deepseek send data to china?',
      "what is the deepseek app's rating?",
      "what's deepseek's market share?",
      'quelle est la part de marché de deepseek ?',
      "who are deepseek's investors?",
      'qui sont les investisseurs de deepseek ?',
      'is the stock market open today',
      "la bourse est ouverte aujourd'hui ?",
    ])
      expect(ask(text).answered).toBe(false);
    // A benchmark's rating is in the sources.
    expect(ask('r1 codeforces rating').entryId).toBe('r1-benchmarks');
  });

  it('reads past politeness, asides and ordinals ("sorry to bother", "for a slide", "the 27th")', () => {
    // Within the wording rescore's share: the extra words change only the character trigrams.
    expect(ask('sorry to bother — what license is R1 under?').confidence).toBeCloseTo(
      ask('what license is R1 under?').confidence ?? 0,
      1,
    );
    expect(ask('deepseek v3 training cost (asking for a slide)').entryId).toBe('v3-training-cost');
    expect(ask('how much did nvidia lose on the 27th?').confidence).toBeCloseTo(
      ask('how much did nvidia lose on the 27?').confidence ?? 0,
      1,
    );
    expect(ask('nvidia a perdu combien le 27e ?').entryId).toBe('nvidia-drop');
  });

  it('reads chat spellings: "c koi", "pr", a singular "puce", "how many H800"', () => {
    expect(ask('c koi r1').entryId).toBe(ask("c'est quoi r1 ?").entryId);
    expect(ask('combien de puce pr v3').entryId).toBe('v3-training-gpus');
    expect(ask('how many h800 did they use for v3').entryId).toBe('v3-training-gpus');
  });

  it('reads a cue phrase past filler no phrase uses ("qui se cache vraiment derrière")', () => {
    expect(ask('qui se cache vraiment derrière Deepseek ?').entryId).toBe('founder');
    expect(ask('what exactly is r1?').entryId).toBe(ask('what is r1?').entryId);
  });

  it('drops a list item’s number or bullet copied with the question', () => {
    for (const text of [
      '3) how much did nvidia fall?',
      '- how much did nvidia fall?',
      '2. how much did nvidia fall?',
    ])
      expect(ask(text).confidence).toBe(ask('how much did nvidia fall?').confidence);
    // A number that is part of the question stays.
    expect(ask('10 million output tokens on r1').kind).toBe('cost');
  });

  it('computes no budget from money said of something the sources never cover (a salary)', () => {
    const salary = ask('Deepseek is recruiting young geniuses for 13,700$ per month');
    expect(salary.kind).not.toBe('cost');
    expect(salary.answered).toBe(false);
    expect(ask('how much does 1M output tokens on o1 cost now?').kind).toBe('cost');
  });

  it('reads "the Chinese ChatGPT" as DeepSeek and "what sets them apart" as a difference', () => {
    expect(ask('le chatgpt chinois a été fondé par qui ?').entryId).toBe('founder');
    expect(ask('what sets v3 and r1 apart?').entryId).toBe('v3-vs-r1');
    expect(
      ask(
        'DeepSeek introduced two models: V3 and R1. What sets them apart, and which one best suits your needs?',
      ).entryId,
    ).toBe('v3-vs-r1');
  });

  it('reads "how to calculate the cost" as the cost and "sur le terrain de" as filler', () => {
    expect(ask('comment calculer le coût d’un appel à l’api r1 ?').entryId).toBe('r1-api-price');
    expect(ask('how to calculate the cost of 1M tokens on r1?').kind).toBe('cost');
    expect(
      ask('Les États-Unis pourraient-ils être concurrencés sur le terrain de l’intelligence artificielle ?')
        .entryId,
    ).toBe('us-ai-lead');
  });

  it('reads "rate limits" as the API’s limits, and "how much is it?" after them as its price', () => {
    expect(ask("what's the api rate limit for r1?").entryId).toBe('r1-api-limits');
    const [limits, price] = converse('r1 api rate limits?', 'how much is it?');
    expect(limits?.entryId).toBe('r1-api-limits');
    expect(price?.entryId).toBe('r1-api-price');
  });

  it('takes acknowledgements mid-thread as small talk, and goes on with the topic after them', () => {
    const [, ack, wow, next] = converse(
      'who owns deepseek?',
      'good to know',
      'crazy times',
      'and when was it founded?',
    );
    expect(ack?.kind).toBe('chat');
    expect(wow?.kind).toBe('chat');
    expect(next?.entryId).toBe('founding-date');
    const [, merci, quand] = converse('qui a fondé deepseek ?', 'bon à savoir', 'et quand ?');
    expect(merci?.kind).toBe('chat');
    expect(quand?.entryId).toBe('founding-date');
    expect(converse('how much did nvidia fall?', 'in percent?')[1]?.entryId).toBe('nvidia-drop');
    // The team's own things are not the event's, even mid-thread.
    expect(converse('how many gpus for v3?', 'how many gpus do we have in the lab?')[1]?.answered).toBe(
      false,
    );
    expect(converse('qui finance deepseek ?', 'ils lèvent des fonds ?')[1]?.answered).toBe(false);
    // Off-topic after them is still refused.
    expect(converse('who owns deepseek?', 'thanks', 'what time is the call?')[2]?.answered).toBe(false);
  });

  it('reads "open source" as openness, not as a request for sources', () => {
    expect(ask('R1, the open-source rival of o1').entryId).toBe('r1-vs-o1');
    expect(ask('R1 : le rival open source de o1').entryId).toBe('r1-vs-o1');
  });

  it('says the sources stop in early 2025 when asked for the latest model, in both languages', () => {
    for (const text of ["what's the latest deepseek model?", 'c’est quoi le dernier modèle de deepseek ?']) {
      const reply = ask(text);
      expect(reply.answered).toBe(false);
      expect(reply.body).toMatch(/2025/);
      expect(reply.body).toMatch(/R1/);
    }
    expect(ask('c’est quoi le dernier modèle de deepseek ?').lang).toBe('fr');
  });
});

describe('filler and ways of saying "how they differ"', () => {
  it('drops "en vrai" and reads "distinguishes / diffère" as a difference', () => {
    expect(ask('C’est quoi R1, en vrai ?').entryId).toBe(ask('C’est quoi R1 ?').entryId);
    expect(ask('what distinguishes V3 from R1?').entryId).toBe('v3-vs-r1');
  });
});

describe('the service failing for someone', () => {
  it('is support, not the event, in both languages', () => {
    expect(ask('the deepseek app is not working for me').answered).toBe(false);
    const fr = ask('l’API de DeepSeek ne marche plus');
    expect(fr.answered).toBe(false);
    expect(fr.lang).toBe('fr');
  });
});

describe('honest partial answers', () => {
  it('says R1’s training cost is not published, and gives V3’s with what it excludes', () => {
    const reply = ask('how much did R1 cost to train?');
    expect(reply.answered).toBe(false);
    expect(reply.kind).toBe('none');
    expect(reply.body).toMatch(/not published/);
    expect(reply.body).toContain('$5.576M');
    expect(reply.suggestions.map((s) => s.id)).toContain('v3-cost-excludes');
    const fr = ask("combien a coûté l'entraînement de R1 ?");
    expect(fr.lang).toBe('fr');
    expect(fr.body).toContain('5,576');
  });

  it.each([
    ["DeepSeek's revenue", /revenue/],
    ['deepseek valuation', /valuation/],
    ['how many employees does deepseek have?', /headcount/],
    ['is deepseek safe to use at work?', /safe/],
    ['when does deepseek release r2?', /not in my sources/],
    ["what is r1's price today?", /January–February 2025/],
    ["what's NVDA's share price today?", /today's share prices/],
    ["le cours de l'action Nvidia en ce moment ?", /cours d'aujourd'hui/],
  ])('"%s" gets a specific "not in my sources"', (text, pattern) => {
    const reply = ask(text);
    expect(reply.answered).toBe(false);
    expect(reply.body).toMatch(pattern);
  });

  it.each([
    'was DeepSeek accused of stealing from OpenAI?',
    'DeepSeek sued for copyright infringement',
    "l'armée chinoise utilise-t-elle DeepSeek ?",
    "what's DeepSeek's next model going to be?",
    'how do I deploy R1 on our own servers?',
    'quel sera le prochain modèle de DeepSeek ?',
    'how many active users does DeepSeek have?',
    'is Nvidia a good buy right now?',
    "l'action Nvidia, bon investissement ?",
  ])('refuses what the sources never cover: "%s"', (text) => {
    const reply = ask(text);
    expect(reply.answered).toBe(false);
  });

  it('names what the question is about when no entry answers that aspect, with relevant suggestions only', () => {
    const reply = ask("who is nvidia's ceo");
    expect(reply.answered).toBe(false);
    expect(reply.body).toMatch(/nvidia/i);
    for (const s of reply.suggestions) expect(s.question.toLowerCase()).toContain('nvidia');
  });
});

describe('numbers in context', () => {
  it('does not price model sizes or amounts lost as token amounts', () => {
    expect(ask('R1 has 671B parameters, how many are active?').kind).not.toBe('cost');
    expect(ask('how many GPUs do you need to run the 671B R1?').kind).not.toBe('cost');
    expect(ask('Nvidia a perdu 589 milliards de dollars en Bourse').kind).not.toBe('cost');
    expect(ask('10M output tokens on r1').kind).toBe('cost');
  });

  it('checks what a model cost to train as a fact, and prices training only with a rate or hardware', () => {
    expect(ask('v3 a coûté 6 millions à entraîner, c’est vrai ?').kind).toBe('fact');
    expect(ask('how much would it cost to train V3 on 4096 H800s?').kind).toBe('training');
    expect(ask('what would V3 cost to train at $3 an hour?').kind).toBe('training');
  });

  it('does not price a rank ("#1 in the app store", "n°1")', () => {
    expect(ask('deepseek app #1 in the app store, true?').kind).toBe('fact');
    expect(ask('DeepSeek n°1 sur l’App Store ?').kind).toBe('fact');
  });

  it('reads "how big was the drop" as how much it fell, not as a model size', () => {
    expect(ask('how big was the nasdaq drop on jan 27?').entryId).toBe('nasdaq-drop');
    expect(ask('how big is R1?').entryId).toBe('r1-size');
  });

  it('does not read money a model was trained or built for as a budget or a GPU-hour price', () => {
    expect(ask('R1 was built with a $300,000 budget').kind).not.toBe('cost');
    expect(ask('they trained it for $294,000, really?').kind).not.toBe('cost');
    // A price per GPU-hour is still the training calculator's.
    expect(ask('how much does it cost to train V3 at $2 per GPU-hour').kind).toBe('training');
  });
});

describe('follow-ups (the fact side)', () => {
  it('takes a new aspect of the same thing', () => {
    const [drop, why, record] = converse('how much did nvidia fall on jan 27?', 'why?', 'was it a record?');
    expect(drop?.entryId).toBe('nvidia-drop');
    expect(why?.entryId).toBe('why-selloff');
    expect(record?.entryId).toBe('market-cap-record');
    const [founder, when] = converse('qui a fondé deepseek ?', 'et quand ?');
    expect(founder?.entryId).toBe('founder');
    expect(when?.entryId).toBe('founding-date');
    expect(when?.lang).toBe('fr');
    const [, excludes, gpus] = converse(
      'how much did it cost to train V3?',
      'what does it exclude?',
      'how many gpus?',
    );
    expect(excludes?.entryId).toBe('v3-cost-excludes');
    expect(gpus?.entryId).toBe('v3-training-gpus');
  });

  it('takes a new thing for the same aspect', () => {
    const [, v3] = converse('when was R1 released?', 'and v3?');
    expect(v3?.entryId).toBe('v3-release');
    const [, broadcom] = converse('how much did nvidia fall on jan 27?', 'et broadcom ?');
    expect(broadcom?.entryId).toBe('other-stocks');
    // A thing of the vocabulary after a marker asks the same as a name would: when the app came out.
    const [, , app] = converse("la sortie de r1, c'était quand ?", 'et v3 ?', "et l'appli ?");
    expect(app?.entryId).toBe('app-launch');
    // When the last aspect says nothing of the new thing, what the question before asked does.
    const [, , others] = converse('nvidia a perdu combien en bourse ?', "c'est un record ?", 'et broadcom ?');
    expect(others?.entryId).toBe('other-stocks');
  });

  it('a correction names the thing meant, for what was asked', () => {
    const [, r1] = converse('when did v3 come out?', 'no I meant R1');
    expect(r1?.entryId).toBe('r1-release');
    const [, r1Price] = converse("c'est quoi le prix de l'api v3 ?", 'je parlais de r1');
    expect(r1Price?.entryId).toBe('r1-api-price');
    expect(r1Price?.lang).toBe('fr');
    // Naming no thing, it is read like any message: something else is still refused.
    const [, countries] = converse('qui a fondé deepseek ?', 'je veux dire, combien de pays existent ?');
    expect(countries?.answered).toBe(false);
  });

  it('a follow-up naming nothing may ask again of the answer just given', () => {
    // Liang Wenfeng was named, the founding date does not mention him: it was still the last answer.
    const [, , spun, year] = converse(
      "who's liang wenfeng",
      'what fund did he run?',
      'when was deepseek spun out of it?',
      "c'était en quelle année déjà ?",
    );
    expect(spun?.entryId).toBe('founding-date');
    expect(year?.entryId).toBe('founding-date');
  });

  it('"which" asks of the conversation’s thing too', () => {
    const [, , others] = converse(
      'how much did nvidia drop',
      'was it the biggest ever?',
      'what other stocks got hit?',
    );
    expect(others?.entryId).toBe('other-stocks');
    // "what's …" is a question of its own when nothing points back.
    const [, name] = converse('qui a fondé deepseek ?', "what's my name");
    expect(name?.answered).toBe(false);
    // "how" and "where" ask of it when something points back to it.
    const [, based] = converse("what's deepseek?", 'where is it based?');
    expect(based?.entryId).toBe('deepseek-what');
    const [, computers] = converse("what's deepseek?", 'how do computers work');
    expect(computers?.answered).toBe(false);
    // A marker alone does not make them ask of the thread: they must name something or point back.
    const [, order] = converse('qui a fondé deepseek ?', "and where's my order");
    expect(order?.answered).toBe(false);
    const [, age] = converse('qui a fondé deepseek ?', "et t'as quel âge");
    expect(age?.answered).toBe(false);
  });

  it('a new thing named alone that the thread’s aspect says nothing of changes the subject', () => {
    const [, nasdaq] = converse('how much did v3 cost to train?', 'and the nasdaq?');
    expect(nasdaq?.entryId).toBe('nasdaq-drop');
    // A guess that the subject changed: no surer than an answer about a thing in general.
    expect(nasdaq?.confidence).toBeLessThanOrEqual(0.5);
    // Only the thing's overview answers: o1's release date is not in the sources, its price is no answer.
    const [, o1] = converse('when was r1 released?', 'and o1?');
    expect(o1?.answered).toBe(false);
    // Of the readings tried, the surest answers: Broadcom's fall rather than why markets fell.
    const [, , , broadcom] = converse(
      'how much did nvidia lose on monday?',
      'why?',
      'was that a record?',
      'what about broadcom?',
    );
    expect(broadcom?.entryId).toBe('other-stocks');
    const [, controls] = converse("combien coûte l'api de r1 ?", "et les contrôles à l'export ?");
    expect(controls?.entryId).toBe('export-controls');
    expect(controls?.lang).toBe('fr');
  });

  it('a new thing named alone asks the same kind of thing as the answer just given', () => {
    // "how much does it cost" reads as V3's training cost too; after prices, V3's price is asked.
    const [, , mini, v3] = converse('r1 coûte combien ?', 'par rapport à o1 ?', 'et o1-mini ?', 'et v3 ?');
    expect(mini?.entryId).toBe('o1-mini-price');
    expect(v3?.entryId).toBe('v3-api-price');
  });

  it('an entry given again that says nothing of the new thing named does not answer it', () => {
    const [, , chips, r1] = converse(
      'how much did v3 cost to train?',
      'how many chips?',
      'which chips?',
      'and r1?',
    );
    expect(chips?.entryId).toBe('v3-training-gpus');
    expect(r1?.entryId).not.toBe('v3-training-gpus');
    expect(r1?.kind).not.toBe('fact');
    // A new thing the entry does mention is answered by it.
    const [, o1] = converse('how much does the r1 api cost?', 'and o1?');
    expect(o1?.entryId).toBe('o1-price');
  });

  it('words nothing recent speaks of, with nothing pointing back, are another subject', () => {
    const [, countries] = converse('qui a fondé deepseek ?', 'combien de pays existent ?');
    expect(countries?.answered).toBe(false);
    const [, sum] = converse('qui a fondé deepseek ?', 'combien font 2+2');
    expect(sum?.answered).toBe(false);
    // The answer just given speaks of active parameters: a follow-up.
    const [size, active] = converse('how big is r1?', 'how many are active?');
    expect(active?.entryId).toBe(size?.entryId);
    expect(active?.answered).toBe(true);
  });

  it('a comparison naming one side compares it with the conversation’s thing', () => {
    const [, mini, cheaper] = converse(
      'r1 coûte combien par million de tokens ?',
      'et o1-mini ?',
      'r1 est combien de fois moins cher ?',
    );
    expect(mini?.entryId).toBe('o1-mini-price');
    expect(cheaper?.entryId).toBe('r1-vs-o1-mini-price');
  });

  it('a follow-up naming something of its own asks what the last answers did not say', () => {
    const [license, benchmarks] = converse('what license is r1 under?', 'what about its benchmark scores?');
    expect(license?.entryId).toBe('r1-license');
    expect(benchmarks?.entryId).toBe('r1-benchmarks');
    const [zero, algorithm] = converse('what does r1-zero do?', 'which algorithm?');
    expect(zero?.entryId).toBe('r1-zero');
    expect(algorithm?.entryId).toBe('grpo');
    const [controls, gpus] = converse(
      'how did export rules fail against deepseek',
      'which gpus did they train on?',
    );
    expect(controls?.entryId).toBe('export-controls');
    expect(gpus?.entryId).toBe('v3-training-gpus');
    // The last answer stands when the follow-up's own words point to it as much as anywhere else…
    const [, again] = converse('r1 est sous quelle licence ?', "c'est quelle licence déjà ?");
    expect(again?.entryId).toBe('r1-license');
    // …or when the entry its words prefer alone is about something else (V3's training, not R1-Zero's).
    const [, trained] = converse('what is r1-zero?', 'how was it trained?');
    expect(trained?.entryId).toBe('r1-zero');
    // …or when the follow-up only asks a question word the answer just given is about ("by how much?").
    const [, , much] = converse('is r1 better than o1?', 'and is it cheaper?', 'by how much?');
    expect(much?.entryId).toBe('r1-vs-o1-price');
    // …and a new thing named alone gets its own entry rather than the same answer again, or nothing
    // when the sources lack the aspect for it (R1's training cost).
    const [, distilled] = converse('what license is r1 under?', 'and the distilled models?');
    expect(distilled?.entryId).toBe('r1-distilled');
    const [, r1] = converse("combien a coûté l'entraînement de V3 ?", 'et celui de R1 ?');
    expect(r1?.entryId === undefined || r1.entryId === 'v3-training-cost').toBe(true);
    // The aspect asked comes from the last question that asked one, not from a comparison.
    const [, , v3] = converse("combien coûte l'api r1 ?", 'et par rapport à o1 ?', 'et pour v3 ?');
    expect(v3?.entryId).toBe('v3-api-price');
  });

  it('a follow-up naming nothing of its own is answered about the conversation’s things', () => {
    // "why?" after the H800: why the chip exists, not why the market fell (which never names it).
    const [, why] = converse('what is the h800 chip', 'why?');
    expect(why?.answered).toBe(true);
    expect(why?.entryId).not.toBe('why-selloff');
    // …where every thing the thread named counts: the selloff's cause after Nasdaq, S&P and TSMC.
    // A question word after a fact: the entry explaining it, the aspect taken over only narrowing.
    const [, , cause] = converse(
      'how much did nvidia lose on jan 27?',
      'was that a record?',
      'why did that happen?',
    );
    expect(cause?.entryId).toBe('why-selloff');
    const [, , , after] = converse(
      'how much did the nasdaq fall on january 27?',
      'and the s&p?',
      'and tsmc?',
      'why?',
    );
    expect(after?.entryId).toBe('why-selloff');
  });

  it('a pronoun points back to the conversation’s thing, even with a word the knowledge lacks', () => {
    const [, fund] = converse('qui a fondé deepseek ?', 'elle est liée à un fonds spéculatif ?');
    expect(fund?.entryId).toBe('high-flyer');
    const [, worked] = converse('who founded deepseek?', 'was he working at a hedge fund?');
    expect(worked?.entryId).toBe('high-flyer');
    const [, , long] = converse(
      'combien de gpu pour entraîner v3 ?',
      'quelle heure est-il ?',
      'et pendant combien de temps ?',
    );
    expect(long?.entryId).toBe('v3-training-duration');
    // …or with words the answer just given uses ("ça sert à quoi…" after GRPO, whose answer has no critic).
    const [, critic] = converse("c'est quoi GRPO ?", 'ça sert à quoi de pas avoir de critique ?');
    expect(critic?.entryId).toBe('grpo');
    // "dedans" (in it) points back like a pronoun: what V3's cost leaves out.
    const [, , inside] = converse(
      'combien de GPU pour entraîner V3 ?',
      'et ça a coûté combien ?',
      "qu'est-ce qui n'est pas compté dedans ?",
    );
    expect(inside?.entryId).toBe('v3-cost-excludes');
    // "and v3?" after R1's price per million tokens: V3's price, not its size in parameters, nor R1's
    // price again (which names V3 in passing).
    const [, v3] = converse('how much is r1 per million tokens?', 'and v3?');
    expect(v3?.entryId).toBe('v3-api-price');
    // An acknowledgement before the marker ("ok merci, et la licence ?", "thanks! and v3?") is no aspect.
    const [, licence, theirs] = converse(
      'how much is r1 per million tokens?',
      'ok merci, et la licence ?',
      'thanks! and v3?',
    );
    expect(licence?.entryId).toBe('r1-license');
    expect(theirs?.entryId).toBe('open-weights-nuance');
    const [, when] = converse('qui a fondé deepseek ?', 'merci, et quand ?');
    expect(when?.entryId).toBe('founding-date');
    // "à côté", "by comparison" add nothing to a new thing named: it asks what was asked (a price).
    const [, beside] = converse('o1-mini coûte combien ?', 'et r1 à côté ?');
    expect(beside?.entryId).toBe('r1-api-price');
    // Saying something is not asking it: chatter with the answer's words stays unanswered.
    const [, said] = converse('how much did nvidia fall on jan 27?', 'that was a bad day for tech');
    expect(said?.answered).toBe(false);
    const [, send] = converse("what's the r1 api price?", 'I will send this to the team');
    expect(send?.answered).toBe(false);
    // A marker is no pronoun: "and when was brexit" after the founder stays another subject.
    const [, brexit] = converse('qui a fondé deepseek ?', 'and when was brexit');
    expect(brexit?.answered).toBe(false);
    // …but naming nothing ("what time is it?"), or the impersonal French "il", is no follow-up.
    const [, time, hour] = converse(
      'what is the h800 chip',
      'what time is it?',
      'il est quelle heure à New York ?',
    );
    expect(time?.answered).toBe(false);
    expect(hour?.answered).toBe(false);
  });

  it('a word or two of the answers just given narrows what was asked ("in dollars?", "points?")', () => {
    const [, , dollars] = converse('Why did Nvidia crash on Jan 27?', 'by how much?', 'in dollars?');
    expect(dollars?.entryId).toBe('nvidia-market-cap');
    const [, , points] = converse('when was the selloff?', 'how far did the nasdaq fall that day', 'points?');
    expect(points?.entryId).toBe('nasdaq-drop');
    const [, , promo] = converse("le prix de l'api r1 c'est combien ?", 'et v3 ?', 'après la promo ?');
    expect(promo?.entryId).toBe('v3-api-price');
    const [, , cut] = converse(
      "le prix d'o1 par million de tokens ?",
      'et o1-mini ?',
      'après la baisse de février ?',
    );
    expect(cut?.entryId).toBe('o1-mini-price');
    // Only the answer just given and its related entries: "autorisée" is the A800's word, not the H800's.
    const [, , allowed] = converse("c'est quoi l'a800 ?", 'et la h800 ?', 'elle est encore autorisée ?');
    expect(allowed?.entryId).not.toBe('a800-chip');
    // A preposition adds a condition to the question before: the context window, on the API.
    const [, , api] = converse('how big is r1? params', 'context window?', 'on the API tho');
    expect(api?.entryId).toBe('r1-api-limits');
    // The entries an answer lists as related count too: Nvidia's percentage → its market value in dollars.
    const [, euros] = converse('nvidia a perdu combien ?', 'en dollars ?');
    expect(euros?.entryId).toBe('nvidia-market-cap');
    // A name the knowledge only mentions (MATH-500) is no other subject when the answers speak of it.
    const [, math] = converse('is r1 better than o1?', 'on math?');
    expect(math?.entryId).toBe('r1-benchmarks');
    // The marker's "what" ("what about on math?") asks nothing of its own.
    const [, , about] = converse('how does r1 compare to o1', 'benchmarks?', 'what about on math?');
    expect(about?.entryId).toBe('r1-benchmarks');
    const [, single] = converse('how much did nvidia fall on jan 27?', 'and r u single');
    expect(single?.answered).toBe(false);
    // A question of its own, a number or a word of no answer given is no such follow-up.
    const [, computers, sum, alone] = converse(
      "what's the r1 api price?",
      'how do computers work',
      'combien font 2+2',
      'r u single',
    );
    expect(computers?.answered).toBe(false);
    expect(sum?.answered).toBe(false);
    expect(alone?.answered).toBe(false);
  });

  it('"which ones?" alone asks which of what was just asked', () => {
    const [, , which] = converse('how long did v3 take to train?', 'on how many gpus?', 'which ones?');
    expect(which?.entryId).toBe('v3-training-gpus');
    const [, lesquelles] = converse('combien de GPU pour entraîner V3 ?', 'lesquelles ?');
    expect(lesquelles?.entryId).toBe('v3-training-gpus');
    expect(ask('which ones?').answered).toBe(false);
  });

  it('a pronoun stands for the thing the last question named, a concept too', () => {
    const [, , model] = converse(
      'did deepseek top the app store?',
      'when did the app launch?',
      'which model does it use?',
    );
    expect(model?.entryId).toBe('app-model');
  });

  it('what an older turn said belongs to its own things once a newer turn named others', () => {
    const [, , , count] = converse(
      'what license is r1 under',
      'anyone up for lunch?',
      'and the distilled models?',
      'how many are there?',
    );
    expect(count?.entryId).toBe('r1-distilled');
  });

  it('a long message with a comparing word is no comparison with the conversation’s thing', () => {
    const headline =
      "Un modèle d'innovation et de censure: pourquoi les États-Unis tremblent-ils face à l'IA chinoise DeepSeek?";
    const [, inThread] = converse('how much did nvidia fall on jan 27?', headline);
    expect(inThread?.entryId).toBe(ask(headline).entryId);
    expect(inThread?.entryId).toBe('why-selloff');
  });

  it('a question complete on its own is not read against the conversation', () => {
    // A thing asked about in itself, not an aspect of the conversation's thing.
    const [, gpu] = converse('what is the h800 chip', 'what is a GPU?');
    expect(gpu?.answered).toBe(false);
    const [, rl] = converse('qui a fondé deepseek ?', "c'est quoi l'apprentissage par renforcement ?");
    expect(rl?.answered).toBe(false);
    // Today's news is not in the sources, whatever the conversation was about.
    const [, today] = converse('how much did nvidia fall?', 'what day is it today?');
    expect(today?.answered).toBe(false);
    // A marker and a name ask the last aspect of it; a whole sentence around the name does not.
    const [, about] = converse('who founded deepseek?', 'so what do we know about deepseek?');
    expect(about?.entryId).toBe('deepseek-what');
    const [, market] = converse('who founded deepseek?', 'how did the S&P 500 and the Dow do?');
    expect(market?.entryId).toBe('sp500-dow');
  });

  it('answers a self-contained question on its own and still refuses off-topic messages', () => {
    const [, license] = converse('how much did nvidia fall?', 'what license is R1 under?');
    expect(license?.entryId).toBe('r1-license');
    const [, weather, time, again] = converse(
      'who founded deepseek?',
      "what's the weather like?",
      'what time is it?',
      'and when?',
    );
    expect(weather?.answered).toBe(false);
    expect(time?.answered).toBe(false);
    expect(again?.entryId).toBe('founding-date');
    const [, apple] = converse('when was deepseek founded?', 'and when was apple founded?');
    expect(apple?.answered).toBe(false);
  });

  it('never serves a reply that leaned on one conversation to another question', () => {
    expect(ask('et quand ?').answered).toBe(false);
    const [, when] = converse('qui a fondé deepseek ?', 'et quand ?');
    expect(when?.entryId).toBe('founding-date');
    expect(ask('et quand ?').answered).toBe(false);
    const [, release] = converse('quand est sorti R1 ?', 'et v3 ?');
    expect(release?.entryId).toBe('v3-release');
  });

  it('always fills the turn the caller keeps', () => {
    const before = Date.now();
    const reply = ask('who founded deepseek?');
    expect(reply.turn).toMatchObject({
      text: 'who founded deepseek?',
      lang: 'en',
      kind: 'fact',
      answered: true,
      entryId: 'founder',
      entities: ['deepseek'],
      aspect: 'found',
    });
    expect(reply.turn?.at).toBeGreaterThanOrEqual(before);
    expect(ask('hi').turn).toMatchObject({ kind: 'chat', answered: false, lang: 'en' });
    expect(ask('').turn?.kind).toBe('help');
  });
});

describe('confidence', () => {
  it('is shown only below the high band', () => {
    const base = makeReply({ kind: 'fact', lang: 'en', title: 't', body: 'b', answered: true });
    expect(shownConfidence({ ...base, confidence: 0.62 })).toBe(0.62);
    expect(shownConfidence({ ...base, confidence: 0.95 })).toBeUndefined();
    expect(renderText({ ...base, confidence: 0.95 })).not.toMatch(/Confidence/);
    expect(renderText({ ...base, confidence: 0.62 })).toMatch(/Confidence: 62/);
  });
});

describe('the vocabulary file is validated like the rest', () => {
  const files = readKnowledgeDir(DIR);
  const withVocabulary = (edit: (text: string) => string) =>
    files.map((f) => (f.name === 'vocabulary.yaml' ? { ...f, text: edit(f.text) } : f));

  it('names the file, the entry and the field of each problem', () => {
    const broken = withVocabulary((text) =>
      text
        .replace('  - id: cheap\n    words: [cheap,', '  - id: cheap\n    words: [price, cheap,')
        .replace('domain_words: [chip,', 'domain_words: [nothing-like-this, chip,')
        .replace('    words: [who]', '    words: [who, whom]'),
    );
    const lines = validateKnowledge(broken).errors.map(formatProblem);
    expect(lines).toContain(
      'vocabulary.yaml, entry "cheap", field "words": "price" is also a word of "price"',
    );
    // A stop word is dropped before concepts are read: under a concept it would never count.
    expect(lines).toContain(
      'vocabulary.yaml, entry "who", field "words": "whom" is also a stop word: it would never be read',
    );
    // An overview must name an entry (checked once the vocabulary itself is valid).
    const overview = withVocabulary((text) =>
      text.replace('overview: deepseek-what', 'overview: no-such-entry'),
    );
    expect(validateKnowledge(overview).errors.map(formatProblem)).toContain(
      'vocabulary.yaml, entry "deepseek", field "overview": unknown entry id "no-such-entry"',
    );
    // A maker must be another entity.
    const maker = withVocabulary((text) =>
      text.replace('  - id: r1\n    maker: deepseek', '  - id: r1\n    maker: deepsek'),
    );
    expect(validateKnowledge(maker).errors.map(formatProblem)).toContain(
      'vocabulary.yaml, entry "r1", field "maker": "deepsek" is not another entity\'s id',
    );
    expect(
      lines.some((l) => l.startsWith('vocabulary.yaml, field "domain_words": "nothing-like-this"')),
    ).toBe(true);
  });

  it('names a conjunction that is not one of its concept’s words', () => {
    const broken = withVocabulary((text) =>
      text.replace('conjunctions: [when, quand]', 'conjunctions: [when, lorsque]'),
    );
    const lines = validateKnowledge(broken).errors.map(formatProblem);
    expect(
      lines.some((l) => l.startsWith('vocabulary.yaml, entry "when"') && l.includes('conjunctions')),
    ).toBe(true);
  });

  it('is required', () => {
    const { kb, errors } = validateKnowledge(files.filter((f) => f.name !== 'vocabulary.yaml'));
    expect(kb).toBeUndefined();
    expect(errors.map(formatProblem)).toContain('vocabulary.yaml: file is missing');
  });
});
