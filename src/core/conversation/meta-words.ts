import type { Lang } from '../lang.js';
import type { MetaRequest } from './meta.js';

/**
 * The words of a meta follow-up said in other words than the patterns of meta.ts: "got a source?", "tu peux
 * développer ?", "same in English", "en quelques mots ?". A message is read this way only when every
 * word is either a word that names the request (a keyword) or a word that asks, points or is polite
 * (a filler): one word about anything else ("is DeepSeek open source?", "do you speak French?") and it
 * is a question of its own. Each word's language, when it has one, tells the wording's language.
 */
type Kind = 'source' | 'details' | 'short' | 'fr' | 'en' | 'translate';

const words = (list: string) => list.split(' ');

const KEYWORDS: { kind: Kind; lang?: Lang; words: string[] }[] = [
  { kind: 'source', words: words('source sources') },
  { kind: 'short', words: words('tldr') },
  {
    kind: 'source',
    lang: 'en',
    words: words('sourced reference references citation citations cite link links url article proof proofs'),
  },
  {
    kind: 'source',
    lang: 'fr',
    words: words('reference references lien liens article source preuve preuves'),
  },
  {
    kind: 'details',
    lang: 'en',
    words: words('detail details detailed elaborate expand explain deeper further'),
  },
  {
    kind: 'details',
    lang: 'fr',
    words: words(
      'detail details detaille detailles detaillez detailler precision precisions precise precises precisez preciser developpe developpes developpez developper explique expliquez expliquer davantage explications',
    ),
  },
  {
    kind: 'short',
    lang: 'en',
    words: words(
      'short shorter shortest brief briefly summary summarize summarise summarized gist nutshell quick quickly',
    ),
  },
  {
    kind: 'short',
    lang: 'fr',
    words: words('court courte courts bref breve resume resumer resumes resumez synthese'),
  },
  { kind: 'details', lang: 'en', words: words('specific specifically precise') },
  { kind: 'details', lang: 'fr', words: words('precis approfondis approfondir approfondissez') },
  { kind: 'short', lang: 'en', words: words('concise concisely') },
  { kind: 'short', lang: 'fr', words: words('concis concise') },
  { kind: 'translate', lang: 'en', words: words('translate translation') },
  { kind: 'translate', lang: 'fr', words: words('traduis traduire traduisez traduction traduit') },
  { kind: 'fr', lang: 'en', words: words('french') },
  { kind: 'fr', lang: 'fr', words: words('francais') },
  { kind: 'en', lang: 'en', words: words('english') },
  { kind: 'en', lang: 'fr', words: words('anglais') },
];

/** "more", "plus", "encore": details only when nothing else is asked ("plus court" is short). */
const WEAK_DETAILS: { lang?: Lang; words: string[] }[] = [
  { lang: 'en', words: words('more else info information') },
  { lang: 'fr', words: words('plus encore autre infos informations') },
];

const FILLERS: { lang?: Lang; words: string[] }[] = [
  { words: words('ok okay the a in it me') },
  {
    lang: 'en',
    words: words(
      'an any some your ur you u i my its that this these those there here is are s re was were be do does did have has had got get give show tell say repeat write reply respond answer translate put make keep want need like d ll let us can could would will may might please pls plz thanks thank what which where how who so and or but just also too again then now for of on to into about with from by bit little one few words line lines sentence same thing version story way much lot other read find see come came go anything something be back number numbers figure figures claim stat stats data fact facts send share post drop',
    ),
  },
  {
    lang: 'fr',
    words: words(
      'le la les l un une des de du d ce ca cela ceci c est ces vers voir sois soyez rends rendre vas va y ta ton tes vos votre ses sa son tu t vous as avez ai j je moi m te y en et ou quel quelle quels quelles quoi qui que qu peux peut pouvez pourrais pourriez donne donner donnez montre montrer dis dire dites redis repete repeter reponds repondre repondez ecris ecrire traduis traduire traduisez fais faire faites mets mettre veux voudrais voulez aimerais stp svp merci juste aussi meme chose version reponse savoir pour sur avec par dans bien alors bon quelques mots mot phrase ligne lignes deux vient viens sort sors tire tiens lu vu trouve trouver verifier as a chiffre chiffres donnee donnees info il lire envoie envoyer envoyez partage partager',
    ),
  },
];

interface WordInfo {
  kind?: Kind;
  weak?: boolean;
  lang?: Lang;
}

const LEXICON: Map<string, WordInfo[]> = (() => {
  const map = new Map<string, WordInfo[]>();
  const put = (word: string, info: WordInfo) => map.set(word, [...(map.get(word) ?? []), info]);
  for (const k of KEYWORDS)
    for (const w of k.words) put(w, { kind: k.kind, ...(k.lang ? { lang: k.lang } : {}) });
  for (const k of WEAK_DETAILS)
    for (const w of k.words) put(w, { kind: 'details', weak: true, ...(k.lang ? { lang: k.lang } : {}) });
  for (const f of FILLERS) for (const w of f.words) put(w, f.lang ? { lang: f.lang } : {});
  return map;
})();

/** The meta request a message's words make, when they make nothing but one. */
export function fromWords(s: string, current: Lang | undefined): MetaRequest | undefined {
  const kinds = new Set<Kind>();
  let weak = false;
  let en = 0;
  let fr = 0;
  const said = s
    .replace(/\btl dr\b/g, 'tldr')
    .replace(/\b(?:too|trop) long\b/g, 'short')
    .replace(/\b(?:a few|one|two|1|2) (?:words?|lines?|sentences?)\b/g, 'short')
    .replace(/\b(?:quelques|une|un|deux|1|2) (?:mots?|lignes?|phrases?)\b/g, 'court');
  // "à plus", "a+" say goodbye.
  if (/^a plus\b/.test(said)) return undefined;
  for (const word of said.split(' ')) {
    const infos = LEXICON.get(word);
    if (!infos) return undefined;
    const key = infos.find((i) => i.kind && !i.weak);
    if (key?.kind) kinds.add(key.kind);
    else if (infos.some((i) => i.weak)) weak = true;
    const langs = new Set(infos.map((i) => i.lang));
    if (langs.size === 1 && langs.has('en')) en++;
    if (langs.size === 1 && langs.has('fr')) fr++;
  }
  // "where does that number come from?", "d'où tu sors ce chiffre ?": asked where it comes from.
  if (
    /^where (?:does|did|is|s|do) (?:that|this|it|the|these|those)\b.*\bfrom$|^where (?:did|do|can|could) (?:you|u|i) (?:get|find|read|see)\b|\bd ou\b|^ou (?:je|j|on|est ce que je) (?:peux|peut|pourrais|pourrait) (?:le )?(?:lire|voir|trouver|verifier)\b/.test(
      said,
    )
  )
    kinds.add('source');
  if (kinds.size === 0 && weak) kinds.add('details');
  // "translate it into English": the language named is the request.
  if (kinds.has('translate') && (kinds.has('fr') || kinds.has('en'))) kinds.delete('translate');
  // "short version in English?", "tes sources en anglais ?": a language, and what is asked in it.
  const target: Lang | undefined = kinds.has('fr') ? 'fr' : kinds.has('en') ? 'en' : undefined;
  const others = [...kinds].filter((k) => k !== 'fr' && k !== 'en');
  const then = others[0];
  if (target && kinds.size === 2 && (then === 'source' || then === 'details' || then === 'short'))
    return withLang({ kind: 'language' as const, target, then }, en > fr ? 'en' : fr > en ? 'fr' : undefined);
  if (kinds.size !== 1) return undefined;
  let kind = [...kinds][0] as Kind;
  const lang: Lang | undefined = en > fr ? 'en' : fr > en ? 'fr' : undefined;
  // "peux-tu traduire ?", "translate please": into the other language than the last answer's.
  if (kind === 'translate') {
    if (!current) return undefined;
    kind = current === 'fr' ? 'en' : 'fr';
  }
  if (kind === 'fr' || kind === 'en') return withLang({ kind: 'language' as const, target: kind }, lang);
  return withLang({ kind }, lang);
}

export function withLang<T extends object>(request: T, lang: Lang | undefined): T & { lang?: Lang } {
  return lang ? { ...request, lang } : request;
}
