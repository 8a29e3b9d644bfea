import type { Lang } from '../lang.js';
import { fold } from '../normalize.js';

/**
 * Follow-ups that act on the last reply rather than ask something new: its source, more of it, less
 * of it, the same in the other language; and "stop", which silences the bot where it is listening.
 * A message is one of these only when that is all it says (give or take politeness): "source?" is,
 * "is DeepSeek open source?" is not.
 */
export type MetaRequest =
  | { kind: 'source'; lang?: Lang }
  | { kind: 'details'; lang?: Lang }
  | { kind: 'short'; lang?: Lang }
  | { kind: 'language'; target: Lang; lang?: Lang }
  | { kind: 'stop'; lang?: Lang };

/** Longest message read as a meta follow-up (a longer one is a question of its own). */
const MAX_META_LENGTH = 80;

const LEADING = new RegExp(
  '^(?:ok(?:ay)?|and|et|alors|so|hey|hi|bon|well|euh|hmm+|please|pls|plz|stp|svp|s il (?:te|vous) plait|' +
    'briefbot|bot|can you|could you|would you|will you|pouvez vous|peux tu|pourrais tu|pourriez vous|' +
    'tu peux|vous pouvez|tu pourrais|give me|show me|donne moi|donnez moi|montre moi|i d like|' +
    'i would like|je voudrais|j aimerais|now|maintenant|just|juste|mais|but) ',
);
const TRAILING = new RegExp(
  ' (?:please|pls|plz|stp|svp|s il (?:te|vous) plait|merci|thanks|thank you|now|maintenant|again|' +
    'instead|plutot|aussi|too|briefbot|bot)$',
);

interface Pattern {
  re: RegExp;
  /** The language the wording is in, when it is clearly one. */
  lang?: Lang;
}

const any = (alternatives: string[]) => new RegExp(`^(?:${alternatives.join('|')})$`);

const SOURCE: Pattern[] = [
  { re: any(['sources?', 'references?', 'refs?']) },
  {
    lang: 'en',
    re: any([
      '(?:(?:what|which) (?:is|are|s|re) )?(?:your|the|ur|a|any|its|it s|the original) (?:sources?|references?|citations?|links?)(?: for (?:that|this|it))?',
      '(?:sources?|citations?|links?) (?:for|of) (?:that|this|it)',
      'where (?:does|did) (?:that|this|it|this info|that info|the info) come from',
      'where (?:is|s) (?:that|this|it) from',
      'where did you (?:get|find|read|see) (?:that|this|it)',
      'says who',
      'according to (?:whom|who|what)',
      'cite (?:your |the |a )?sources?',
      'how do you know(?: that| this)?',
      'is (?:that|this|it) sourced',
      'link',
    ]),
  },
  {
    lang: 'fr',
    re: any([
      '(?:(?:c est )?(?:quoi|quelle|quelles) )?(?:tes|vos|ta|votre|la|les|une|des|tes|ses) (?:sources?|references?|liens?)(?: c est quoi)?',
      '(?:quelle|quelles) (?:est|sont) (?:tes |vos |ta |votre |la |les )?(?:sources?|references?)',
      'd ou (?:ca|cela|c|ceci) (?:vient|sort)',
      'd ou vient (?:cette|l|ton|votre|ta) info(?:rmation)?',
      'd ou tu (?:tiens|sors) ca',
      'tu (?:tiens|sors) ca d ou',
      'selon qui',
      'c est source',
      'un lien',
      'comment tu (?:le )?sais',
    ]),
  },
];

const DETAILS: Pattern[] = [
  { re: any(['details?', 'plus', 'more']) },
  {
    lang: 'en',
    re: any([
      '(?:some |a few )?more (?:details?|info|information|please)',
      'tell me more(?: about (?:that|this|it))?',
      'more on (?:that|this)',
      'in (?:more )?detail',
      'elaborate(?: on (?:that|this))?',
      'go on',
      'explain (?:more|further)',
      'expand(?: on (?:that|this))?',
      'the long version',
      'the full (?:answer|story)',
      'go deeper',
      'details please',
      'what else',
    ]),
  },
  {
    lang: 'fr',
    re: any([
      'plus de (?:details?|precisions?)',
      'plus d (?:infos?|informations?|explications?)',
      'encore',
      'developpe[sz]?',
      'detaille[sz]?',
      'en detail',
      'di(?:s|tes) m en plus',
      'raconte m en plus',
      'la suite',
      'precise[sz]?',
      'explique(?:z)? (?:davantage|mieux|plus)',
      'la version longue',
      'quoi d autre',
      'des details',
    ]),
  },
];

const SHORT: Pattern[] = [
  {
    lang: 'en',
    re: any([
      'in short',
      '(?:the )?short(?:er)? (?:version|answer)',
      'shorter',
      'tl ?dr',
      '(?:in )?summary',
      'summari[sz]e(?: (?:it|that|this))?',
      'sum (?:it |that )?up',
      'briefly',
      'in brief',
      'in a nutshell',
      'in one (?:sentence|line|word)',
      'keep it short',
      'too long',
      'the gist',
      'short',
    ]),
  },
  {
    lang: 'fr',
    re: any([
      'en bref',
      'bref',
      'en resume',
      'resume(?: moi)?(?: (?:ca|cela))?',
      'resumer',
      'en une (?:phrase|ligne)',
      'en un mot',
      'plus court',
      '(?:la )?version courte',
      '(?:c est )?trop long',
      'en gros',
      'pour resumer',
      'en synthese',
      'en clair',
      'la reponse courte',
    ]),
  },
];

/** "in French please", "en anglais ?", "can you say that in English", "traduis en français". */
const LANGUAGE: { target: Lang; patterns: Pattern[] }[] = [
  {
    target: 'fr',
    patterns: [
      {
        lang: 'en',
        re: any([
          '(?:(?:say|answer|reply|write|repeat|explain|tell me) (?:it |that |this )?)?in french',
          '(?:(?:translate|put) (?:it |that |this )?)?(?:in|into|to) french',
          'french(?: version)?',
        ]),
      },
      {
        lang: 'fr',
        re: any([
          '(?:(?:dis|dites|reponds|repondez|ecris|repete|explique|traduis|traduisez|redis) (?:le |la |moi |ca |cela )*)?en francais',
          '(?:la )?version francaise',
          'francais',
        ]),
      },
    ],
  },
  {
    target: 'en',
    patterns: [
      {
        lang: 'en',
        re: any([
          '(?:(?:say|answer|reply|write|repeat|explain|tell me) (?:it |that |this )?)?in english',
          '(?:(?:translate|put) (?:it |that |this )?)?(?:in|into|to) english',
          'english(?: version)?',
        ]),
      },
      {
        lang: 'fr',
        re: any([
          '(?:(?:dis|dites|reponds|repondez|ecris|repete|explique|traduis|traduisez|redis) (?:le |la |moi |ca |cela )*)?en anglais',
          '(?:la )?version anglaise',
          'anglais',
        ]),
      },
    ],
  },
];

const STOP: Pattern[] = [
  { re: any(['stop', 'silence']) },
  {
    lang: 'en',
    re: any([
      'stop (?:it|that|talking|answering|replying|responding)',
      'shut up',
      'be quiet',
      'quiet',
      'hush',
      'go away',
      'stop (?:it )?(?:here|now)',
    ]),
  },
  {
    lang: 'fr',
    re: any([
      'tais toi',
      'taisez vous',
      'chut+',
      'arrete[sz]?(?: de (?:repondre|parler))?',
      'ca suffit',
      'silence radio',
    ]),
  },
];

/** Peels politeness off both ends: "ok, can you give me your sources please?" → "your sources". */
function core(text: string): string {
  let s = fold(text);
  for (let i = 0; i < 4; i++) {
    const next = s.replace(LEADING, '').replace(TRAILING, '');
    if (next === s) break;
    s = next;
  }
  return s;
}

function matchAny(patterns: Pattern[], s: string): Pattern | undefined {
  return patterns.find((p) => p.re.test(s));
}

function withLang<T extends object>(request: T, lang: Lang | undefined): T & { lang?: Lang } {
  return lang ? { ...request, lang } : request;
}

/** The meta follow-up this message is, if it is nothing but one. */
export function detectMeta(text: string): MetaRequest | undefined {
  if (text.length > MAX_META_LENGTH) return undefined;
  const s = core(text);
  if (s === '') return undefined;
  for (const { target, patterns } of LANGUAGE) {
    const p = matchAny(patterns, s);
    if (p) return withLang({ kind: 'language' as const, target }, p.lang);
  }
  const kinds = [
    ['stop', STOP],
    ['source', SOURCE],
    ['details', DETAILS],
    ['short', SHORT],
  ] as const;
  for (const [kind, patterns] of kinds) {
    const p = matchAny(patterns, s);
    if (p) return withLang({ kind }, p.lang);
  }
  return undefined;
}

/** True for "stop", "tais-toi", "shut up": the bot stops listening where it was asked to. */
export function isStop(text: string): boolean {
  return detectMeta(text)?.kind === 'stop';
}
