import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/index.js';
import { chooseLang, detectLang, langFromLocale } from '../../src/core/lang.js';
import { Lexicon } from '../../src/core/lexicon.js';
import { fold, stem } from '../../src/core/normalize.js';

const lexicon = new Lexicon(loadKnowledge(join(import.meta.dirname, '../../knowledge')).vocabulary);
const terms = (text: string) => lexicon.terms(text);

describe('fold', () => {
  it('lowercases, removes accents and punctuation', () => {
    expect(fold('Coût d’entraînement de DeepSeek-V3 ?')).toBe('cout d entrainement de deepseek v3');
  });
  it('reads the French chat "a+" as "à plus", and only on its own', () => {
    expect(fold('A+ !')).toBe('a plus');
    expect(fold('merci, a+')).toBe('merci a plus');
    expect(fold('a+b=c')).toBe('a b c');
  });

  it('keeps decimal and grouped numbers in one piece', () => {
    expect(fold('2,19 $ et 5.576 M')).toBe('219 et 5576 m');
  });

  it('reads "%" as a word, so "in percent?" meets the answers that give one', () => {
    expect(fold('Nvidia -16.97%')).toBe('nvidia 1697 percent');
  });
});

describe('terms (knowledge/vocabulary.yaml)', () => {
  it('drops French and English stop words', () => {
    expect(terms('What is the license of the model?')).toEqual(['whatis', 'licence', 'model']);
    // "quelle est" asks what "what is" asks.
    expect(terms('Quelle est la licence du modèle ?')).toEqual(['whatis', 'licence', 'model']);
  });
  it('maps both languages to the same concepts', () => {
    expect(terms('De combien l’action Nvidia a-t-elle chuté ?').sort()).toEqual(
      terms('How much did the Nvidia stock fall?').sort(),
    );
    expect(terms('puces H800').sort()).toEqual(terms('H800 chips').sort());
  });
  it('reads names and descriptions of the event’s entities, and cue phrases', () => {
    expect(terms('DeepSeek-R1')).toEqual(['@r1']);
    expect(terms('deepseek-reasoner')).toEqual(['@r1']);
    expect(terms('la nouvelle IA chinoise')).toContain('@deepseek');
    expect(terms('Qui tire les ficelles chez DeepSeek ?')).toEqual(['found', '@deepseek']);
    expect(terms('S&P 500')).toEqual(['@sp500']);
    expect(terms("j'ai perdu mon téléphone")).not.toContain('ai');
  });
  it('stems light plurals and past tenses', () => {
    expect(stem('releases')).toBe('releas');
    expect(stem('companies')).toBe('company');
    expect(stem('licenses')).toBe('licens');
    expect(terms('fondée')).toEqual(terms('founded'));
  });
});

describe('small talk', () => {
  const talk = (text: string) => lexicon.smallTalk(fold(text).split(' '));
  it('recognizes a message made only of greetings, thanks, goodbyes…', () => {
    expect(talk('hi!')).toEqual({ id: 'greeting', lang: 'en', extra: 0 });
    expect(talk('merci beaucoup')).toEqual({ id: 'thanks', lang: 'fr', extra: 0 });
    expect(talk('who are you?')?.id).toBe('identity');
    expect(talk('hello, thanks a lot!')?.id).toBe('thanks');
  });
  it('leaves a question that comes with a greeting to the search', () => {
    expect(talk('hi, who founded deepseek and when exactly?')).toBeUndefined();
    expect(talk('bonjour, combien a perdu nvidia ?')).toBeUndefined();
  });
});

describe('language', () => {
  it('detects French and English questions, even short or without accents', () => {
    expect(detectLang('Combien a coute l entrainement ?', lexicon.language)).toBe('fr');
    expect(detectLang('How much did the training cost?', lexicon.language)).toBe('en');
    expect(detectLang('c est quoi la licence', lexicon.language)).toBe('fr');
    // A headline's verb alone: "surpasse" is French, and the names around it tell nothing.
    expect(detectLang('DeepSeek V3 surpasse ChatGPT.', lexicon.language)).toBe('fr');
  });
  it('returns undefined when there is no evidence', () => {
    expect(detectLang('R1 MIT', lexicon.language)).toBeUndefined();
  });
  it('lets an English or French locale hint win, and ignores others', () => {
    expect(langFromLocale('fr')).toBe('fr');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('de')).toBeUndefined();
    expect(chooseLang('How much did Nvidia lose?', 'fr', lexicon.language)).toBe('fr');
    expect(chooseLang('Combien Nvidia a perdu ?', 'de', lexicon.language)).toBe('fr');
    expect(chooseLang('nvidia', null, lexicon.language)).toBe('en');
  });
});

describe('language of words the knowledge never uses', () => {
  const none = { core: { en: new Set<string>(), fr: new Set<string>() } };
  it('is told by everyday words common in one language only', () => {
    expect(detectLang('tonight maybe', none)).toBe('en');
    expect(detectLang('demain soir', none)).toBe('fr');
    expect(detectLang('DeepSeek', none)).toBeUndefined();
  });
});
