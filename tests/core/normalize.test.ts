import { describe, expect, it } from 'vitest';
import { chooseLang, detectLang, langFromLocale } from '../../src/core/lang.js';
import { fold, stem, terms } from '../../src/core/normalize.js';

describe('fold', () => {
  it('lowercases, removes accents and punctuation', () => {
    expect(fold('Coût d’entraînement de DeepSeek-V3 ?')).toBe('cout d entrainement de deepseek v3');
  });
  it('keeps decimal and grouped numbers in one piece', () => {
    expect(fold('2,19 $ et 5.576 M')).toBe('219 et 5576 m');
  });
});

describe('terms', () => {
  it('drops French and English stop words', () => {
    expect(terms('What is the license of the model?')).toEqual(['licence', 'model']);
    expect(terms('Quelle est la licence du modèle ?')).toEqual(['licence', 'model']);
  });
  it('maps both languages to the same concepts', () => {
    expect(terms('De combien l’action Nvidia a-t-elle chuté ?').sort()).toEqual(
      terms('How much did the Nvidia stock fall?').sort(),
    );
    expect(terms('puces H800').sort()).toEqual(terms('H800 chips').sort());
  });
  it('stems light plurals and past tenses', () => {
    expect(stem('releases')).toBe('releas');
    expect(stem('companies')).toBe('company');
    expect(stem('licenses')).toBe('licens');
    expect(terms('fondée')).toEqual(terms('founded'));
  });
});

describe('language', () => {
  it('detects French and English questions, even short or without accents', () => {
    expect(detectLang('Combien a coute l entrainement ?')).toBe('fr');
    expect(detectLang('How much did the training cost?')).toBe('en');
    expect(detectLang('c est quoi la licence')).toBe('fr');
  });
  it('returns undefined when there is no evidence', () => {
    expect(detectLang('R1 MIT')).toBeUndefined();
  });
  it('lets an English or French locale hint win, and ignores others', () => {
    expect(langFromLocale('fr')).toBe('fr');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('de')).toBeUndefined();
    expect(chooseLang('How much did Nvidia lose?', 'fr')).toBe('fr');
    expect(chooseLang('Combien Nvidia a perdu ?', 'de')).toBe('fr');
    expect(chooseLang('nvidia', null)).toBe('en');
  });
});
