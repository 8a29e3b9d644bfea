/** The two languages briefbot speaks, and how it picks one for a question. */
export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

const FR_WORDS = new Set(
  (
    'le la les un une des du de d l qu que qui quoi quel quelle quels quelles est sont etait ont a au aux et ou ' +
    'pour par avec sans dans sur combien comment pourquoi quand ce cette ces son sa ses leur leurs il elle ils ' +
    'elles on nous vous je tu mon ma mes ton ta tes pas ne plus moins tres fait coute coutent coutait prix cout ' +
    'entrainement puces action marche baisse chute fondee fonde fondateur modele licence sortie combien quelle ' +
    'jetons millions milliards dollars entree sortie chinoise americains quoi cest etait ete y en explication ' +
    'explique expliquer resume bourse indice cours tarif combien lundi semaine chiffre'
  ).split(' '),
);
const EN_WORDS = new Set(
  (
    'the a an of to in on at for by with without and or is are was were be been has have had do does did what ' +
    'which who whom whose when where why how much many this that these those it its they their he she his her ' +
    'we you i my your not no more less very cost costs price prices training chips stock market drop fall ' +
    'founded founder model license release released tokens million billion dollars input output chinese ' +
    'american much about tell me'
  ).split(' '),
);
const FR_ACCENTS = /[àâçéèêëîïôûùüÿœæ]/i;

/** Maps a platform locale (Discord "fr", "en-US"; Slack "fr-FR") to a language, or undefined. */
export function langFromLocale(locale: string | undefined | null): Lang | undefined {
  if (!locale) return undefined;
  const base = locale.trim().toLowerCase().slice(0, 2);
  return base === 'fr' ? 'fr' : base === 'en' ? 'en' : undefined;
}

/** Words seen in only one language of the knowledge base, which the engine adds to the evidence. */
export interface LangVocabulary {
  fr: Set<string>;
  en: Set<string>;
}

/** Scores the text for French and English; returns the language only when the evidence is clear. */
export function detectLang(text: string, vocabulary?: LangVocabulary): Lang | undefined {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let fr = FR_ACCENTS.test(text) ? 1.5 : 0;
  let en = 0;
  for (const w of words) {
    if (FR_WORDS.has(w)) fr += 1;
    else if (vocabulary?.fr.has(w)) fr += 0.75;
    if (EN_WORDS.has(w)) en += 1;
    else if (vocabulary?.en.has(w)) en += 0.75;
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
  return langFromLocale(localeHint) ?? detectLang(text, vocabulary) ?? 'en';
}
