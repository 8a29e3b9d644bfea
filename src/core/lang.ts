import { commonWordLang } from './common-words.js';

/** The two languages briefbot speaks, and how it picks one for a question. */
export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

const FR_ACCENTS = /[àâçéèêëîïôûùüÿœæ]/i;
/** Weight of a word known only as an everyday word of one language (the knowledge's words weigh 0.75–1). */
const COMMON_WORD_WEIGHT = 0.5;

/** Maps a platform locale (Discord "fr", "en-US"; Slack "fr-FR") to a language, or undefined. */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
  if (!locale) return undefined;
  const base = locale.trim().toLowerCase().slice(0, 2);
  return base === 'fr' ? 'fr' : base === 'en' ? 'en' : undefined;
}

/**
 * Words that tell the languages apart: `core` from knowledge/vocabulary.yaml (stop words and language
 * hints), `extra` seen in only one language of the knowledge's questions and answers (weighs less).
 */
export interface LangVocabulary {
  core: Record<Lang, Set<string>>;
  extra?: Record<Lang, Set<string>>;
  /** Words the knowledge uses in both languages (names: Nvidia, DeepSeek): they tell neither. */
  shared?: (word: string) => boolean;
}

/**
 * The words of the last knowledge base loaded, for callers that detect a language without an engine at
 * hand (the pipeline's notices, adapters' acknowledgements). Set by createEngine.
 */
let loaded: LangVocabulary | undefined;

export function useLanguageWords(vocabulary: LangVocabulary): void {
  loaded = vocabulary;
}

/** Scores the text for French and English; returns the language only when the evidence is clear. */
export function detectLang(text: string, vocabulary: LangVocabulary | undefined = loaded): Lang | undefined {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let fr = FR_ACCENTS.test(text) ? 1.5 : 0;
  let en = 0;
  for (const w of words) {
    const f = vocabulary?.core.fr.has(w) ? 1 : vocabulary?.extra?.fr.has(w) ? 0.75 : 0;
    const e = vocabulary?.core.en.has(w) ? 1 : vocabulary?.extra?.en.has(w) ? 0.75 : 0;
    fr += f;
    en += e;
    // A word the knowledge never uses ("surpasse", "tonight"): everyday words common in one language only.
    if (f === 0 && e === 0 && w.length > 3 && !vocabulary?.shared?.(w)) {
      const lang = commonWordLang(w);
      if (lang === 'fr') fr += COMMON_WORD_WEIGHT;
      else if (lang === 'en') en += COMMON_WORD_WEIGHT;
    }
  }
  if (/\b(c'est|qu'|l'|d'|j'|n'|s')/i.test(text)) fr += 1;
  if (fr === en) return undefined;
  return fr > en ? 'fr' : 'en';
}

/**
 * Picks the reply language: a platform locale hint in English or French wins (the user's own
 * interface language), then what the question reads as, then English.
 */
export function chooseLang(text: string, localeHint?: string | null, vocabulary?: LangVocabulary): Lang {
  return langFromLocale(localeHint) ?? detectLang(text, vocabulary ?? loaded) ?? 'en';
}
