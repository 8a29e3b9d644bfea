import { describe, expect, it } from 'vitest';
import { detectMeta, detectMetaAbout, isStop } from '../../src/core/conversation/index.js';

describe('detectMeta: follow-ups that act on the last reply', () => {
  const cases: [string, string, string?][] = [
    ['source?', 'source'],
    ['Sources ?', 'source'],
    ['tes sources ?', 'source', 'fr'],
    ["c'est quoi ta source ?", 'source', 'fr'],
    ["d'où ça vient ?", 'source', 'fr'],
    ['where does that come from?', 'source', 'en'],
    ['ok, can you give me your sources please?', 'source', 'en'],
    ['more details', 'details', 'en'],
    ['tell me more', 'details', 'en'],
    ['plus de détails', 'details', 'fr'],
    ['Développe stp', 'details', 'fr'],
    ['in short?', 'short', 'en'],
    // Chat shorthand in both languages: the conversation's language stays.
    ['tl;dr', 'short'],
    ['en bref ?', 'short', 'fr'],
    ['résume', 'short', 'fr'],
    ['stop', 'stop'],
    ['tais-toi', 'stop', 'fr'],
    ['shut up', 'stop', 'en'],
  ];
  it.each(cases)('%s → %s', (text, kind, lang) => {
    const meta = detectMeta(text);
    expect(meta?.kind).toBe(kind);
    expect(meta?.lang).toBe(lang);
  });

  it.each([
    ['in French please', 'fr'],
    ['en français ?', 'fr'],
    ['can you say that in french', 'fr'],
    ['réponds en français', 'fr'],
    ['en anglais ?', 'en'],
    ['in English', 'en'],
    ['translate it into english please', 'en'],
  ])('%s → re-answer in %s', (text, target) => {
    const meta = detectMeta(text);
    expect(meta).toMatchObject({ kind: 'language', target });
  });

  it.each([
    'Is DeepSeek open source?',
    'what is the source of the nasdaq drop?',
    'how much did nvidia fall?',
    'more details about the H800 export rules',
    'why?',
    'et quand ?',
    'and on o1?',
    'French president reaction to deepseek',
    'stop the export of chips?',
    '',
    `source ${'x'.repeat(200)}`,
  ])('%j is a question of its own', (text) => {
    expect(detectMeta(text)).toBeUndefined();
  });

  // Said in other words than the listed phrasings: every word names the request or only asks, points or
  // is polite.
  it.each([
    ['got a source?', 'source', 'en'],
    ['do you have a source for that?', 'source', 'en'],
    ['where does that number come from?', 'source', 'en'],
    ['t as une source pour ça ?', 'source', 'fr'],
    ["d'où tu sors ce chiffre ?", 'source', 'fr'],
    ['can you go into more detail?', 'details', 'en'],
    ['tu peux développer ?', 'details', 'fr'],
    ['je veux en savoir plus', 'details', 'fr'],
    ['in a few words?', 'short', 'en'],
    ['tu peux résumer ?', 'short', 'fr'],
    ['en quelques mots ?', 'short', 'fr'],
    ['il y a une source ?', 'source', 'fr'],
    ['où je peux lire ça ?', 'source', 'fr'],
    ['any proof?', 'source', 'en'],
    ['can you send the link', 'source', 'en'],
    ['envoie le lien', 'source', 'fr'],
    ['what do you mean?', 'details', 'en'],
    ["c'est-à-dire ?", 'details', 'fr'],
    ['ça veut dire quoi ?', 'details', 'fr'],
    ['en 1 phrase', 'short', 'fr'],
    // Doubt asks for the evidence: the answer again, with its source.
    ['really?', 'source', 'en'],
    ['are you sure?', 'source', 'en'],
    ['vraiment ?', 'source', 'fr'],
    ["t'es sûr ?", 'source', 'fr'],
    ["c'est vrai ?", 'source', 'fr'],
    ['is that legit?', 'source', 'en'],
    ["c'est fiable ?", 'source', 'fr'],
    ['sure about that?', 'source', 'en'],
    ['confirmed?', 'source', 'en'],
    ['sûr ?', 'source', 'fr'],
    ["c'est vérifié ?", 'source', 'fr'],
    ['tu confirmes ?', 'source', 'fr'],
  ])('%s → %s (%s wording)', (text, kind, lang) => {
    expect(detectMeta(text)).toMatchObject({ kind, lang });
  });

  it.each([
    ['same in English', 'en'],
    ['la même chose en anglais', 'en'],
    ['peux-tu répondre en français ?', 'fr'],
  ])('%s → re-answer in %s (other words)', (text, target) => {
    expect(detectMeta(text)).toMatchObject({ kind: 'language', target });
  });

  it.each([
    ['short version in english?', 'en', 'short'],
    ['tes sources en anglais ?', 'en', 'source'],
    ['tl;dr en français', 'fr', 'short'],
    ['more details in French', 'fr', 'details'],
  ])('%s → re-answer in %s, then %s', (text, target, then) => {
    expect(detectMeta(text)).toMatchObject({ kind: 'language', target, then });
  });

  it.each([
    ["deepseek c'est quoi en deux mots ?", 'deepseek c est quoi', 'fr'],
    ['why did nvidia fall, in a nutshell?', 'why did nvidia fall', 'en'],
    ['in short, what is r1?', 'what is r1', 'en'],
    ['la chute de nvidia en bref ?', 'la chute de nvidia', 'fr'],
  ])('%s → a short answer to %j', (text, rest, lang) => {
    expect(detectMetaAbout(text)).toEqual({ kind: 'short', rest, lang });
  });

  it.each(['quick question: who founded deepseek?', 'quick one: when exactly was the selloff?'])(
    '%s asks for no short answer (a preface)',
    (text) => {
      expect(detectMetaAbout(text)).toBeUndefined();
    },
  );

  it.each([
    ["in english pls, my manager doesn't read french", 'en'],
    ['merci, et en anglais pour le channel stp', 'en'],
    ['en français pour mon équipe', 'fr'],
    ['french please - the client is in Paris', 'fr'],
  ])('%j asks for the answer in another language, with its reason', (text, target) => {
    expect(detectMeta(text)).toMatchObject({ kind: 'language', target });
  });

  it.each(['in english, and what about o1?', "thanks, I'm learning french", 'my french is bad, sorry'])(
    '%j is no change of language (it asks or says something else)',
    (text) => {
      expect(detectMeta(text)?.kind).not.toBe('language');
    },
  );

  it('"translate" without a language means the other one than the last answer’s', () => {
    expect(detectMeta('translate please', 'en')).toMatchObject({ kind: 'language', target: 'fr' });
    expect(detectMeta('peux-tu traduire ?', 'fr')).toMatchObject({ kind: 'language', target: 'en' });
    expect(detectMeta('translate please')).toBeUndefined();
  });

  it.each([
    'do you speak french?',
    'tu parles anglais ?',
    'what do you mean by distilled?',
    'ça veut dire quoi MoE ?',
    'où on peut trouver les poids ?',
    'proof of concept?',
    'is it true that deepseek was founded in 2023?',
    "c'est vrai que r1 est gratuit ?",
    'where is deepseek from?',
    'where are you from?',
    "d'où vient deepseek ?",
    'quick question',
    'la source du problème ?',
    'les modèles sont en anglais ?',
    'à plus',
    'a+',
    'translate the article?',
    'one more question',
  ])('%j is not a meta follow-up (a word about something else)', (text) => {
    expect(detectMeta(text, 'en')).toBeUndefined();
  });

  it('isStop only for a stop', () => {
    expect(isStop('Stop!')).toBe(true);
    expect(isStop('chut')).toBe(true);
    expect(isStop('did the selloff stop on tuesday?')).toBe(false);
  });
});
