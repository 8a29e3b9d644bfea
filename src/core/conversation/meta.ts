import type { Lang } from '../lang.js';
import { fold } from '../normalize.js';
import { fromWords, withLang } from './meta-words.js';

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
  /** `then`: what else is asked of the answer in that language ("short version in English?"). */
  | { kind: 'language'; target: Lang; lang?: Lang; then?: 'source' | 'details' | 'short' }
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
      'who says (?:so|that)',
      'according to (?:whom|who|what)',
      'cite (?:your |the |a )?sources?',
      'how do you know(?: that| this)?',
      'is (?:that|this|it) sourced',
      'link',
      'where (?:can|could) i (?:read|find|see) (?:that|this|it|more)',
      // Doubt asks for the evidence: the answer again, with its source.
      'really',
      'for real',
      'seriously',
      '(?:are )?(?:you|u) sure(?: about (?:that|this|it))?',
      'sure about (?:that|this|it)',
      '(?:is (?:that|this|it) )?(?:confirmed|verified)',
      'can you confirm(?: (?:that|this|it))?',
      'sauce',
      'is (?:that|this|it) (?:true|right|correct|so|legit|accurate|real)',
      'is that a fact',
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
      'ou (?:est ce que )?(?:tu as|t as|vous avez|as tu|avez vous) (?:lu|vu|trouve|eu) (?:ca|cela|cette info|l info)',
      'tu (?:tiens|sors) ca de (?:qui|ou)',
      '(?:c est|ca est|c) tire d ou',
      'vraiment',
      'serieux',
      'serieusement',
      'ah bon',
      'sans blague',
      '(?:t es|tu es|vous etes|t) sure?s?(?: de (?:toi|vous|ca))?',
      'sure?',
      '(?:c est |ca est )?(?:verifie|confirme)',
      'tu (?:confirmes|es sur)',
      'vous confirmez',
      '(?:c est|est ce|c est bien) (?:vrai|sur|exact|fiable|serieux)',
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
      'what do you mean(?: by (?:that|this|it))?',
      'meaning',
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
      'c est a dire',
      '(?:ca|cela|c) veut dire quoi',
      'qu est ce que (?:ca|cela) veut dire',
      '(?:ca|cela) signifie quoi',
    ]),
  },
];

const SHORT: Pattern[] = [
  // "tl;dr" is chat shorthand in French too: the conversation's language stays.
  { re: any(['tl ?dr']) },
  {
    lang: 'en',
    re: any([
      'in short',
      '(?:the )?short(?:er)? (?:version|answer)',
      'shorter',
      '(?:in )?summary',
      'summari[sz]e(?: (?:it|that|this))?',
      'sum (?:it |that )?up',
      'briefly',
      'in brief',
      'in a nutshell',
      'in one (?:sentence|line|word)',
      'eli5',
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

/**
 * The meta follow-up this message is, if it is nothing but one. `current`, the language of the last
 * answer, gives "translate" its target.
 */
export function detectMeta(text: string, current?: Lang): MetaRequest | undefined {
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
  return fromWords(s, current) ?? withReason(text, s, current);
}

/** A request's purpose after it: "en anglais pour le channel", "in English for my boss". */
const PURPOSE = / (?:for|pour) (?:the|le|la|l|les|my|mon|ma|mes|our|notre|nos|a|un|une) \S+$/;
/** Where a message's clauses part: "in english pls, my manager doesn't read french". */
const CLAUSES = /[,;]|\s[-–—]\s/;
/** A clause that asks something of its own ("…, and what about o1?"). */
const ASKS =
  /\?|\b(?:what|which|where|how|who|why|when|quoi|qui|quand|pourquoi|comment|combien|quel|quelle|quels|quelles)\b/;

/**
 * A change of language said with its reason: "in english pls, my manager doesn't read french",
 * "merci, et en anglais pour le channel stp", "en anglais pour mon manager". Only a language: the
 * other clauses ask nothing ("in English, and what about o1?" asks something new).
 */
function withReason(text: string, s: string, current: Lang | undefined): MetaRequest | undefined {
  const purpose = PURPOSE.exec(s);
  if (purpose) {
    const asked = detectMeta(s.slice(0, purpose.index), current);
    if (asked?.kind === 'language') return asked;
  }
  const clauses = text.split(CLAUSES).filter((c) => fold(c) !== '');
  if (clauses.length < 2) return undefined;
  for (const [i, clause] of clauses.entries()) {
    const asked = detectMeta(clause, current);
    if (asked?.kind !== 'language') continue;
    const others = clauses.filter((_, j) => j !== i);
    if (others.every((o) => !ASKS.test(o.toLowerCase()))) return asked;
  }
  return undefined;
}

/** A source or more details asked about something named: "source for the $6M figure?", "plus de détails sur la chute ?". */
export interface MetaAbout {
  kind: 'source' | 'details' | 'short';
  /** The words naming what it is asked about ("the $6M figure", "la chute"). */
  rest: string;
  lang?: Lang;
}

/** How a short answer is asked for around a question ("deepseek c'est quoi en deux mots ?", "in short, why?"). */
const FEW = '(?:a few|few|two|one|three|2|1|3)';
const PEU = '(?:quelques|deux|un|une|trois|2|1|3)';

const ABOUT: { kind: MetaAbout['kind']; lang: Lang; re: RegExp }[] = [
  {
    kind: 'source',
    lang: 'en',
    re: /^(?:(?:what|which|where) (?:is|are|s|re) )?(?:your |the |a |any |some )?(?:sources?|references?|citations?|links?) (?:for|on|behind) (.+)$/,
  },
  {
    kind: 'source',
    lang: 'fr',
    re: /^(?:(?:c est )?(?:quoi|quelle|quelles) (?:est |sont )?)?(?:ta |tes |la |les |une |des |vos |votre |ton )?(?:sources?|references?|liens?) (?:pour|sur) (.+)$/,
  },
  {
    kind: 'details',
    lang: 'en',
    re: /^(?:(?:some |a few |any |a bit )?more (?:details?|info|information) |details |tell me more |more |elaborate |expand |go deeper |explain more )(?:on|about|regarding) (.+)$/,
  },
  {
    kind: 'details',
    lang: 'fr',
    re: /^(?:plus de (?:details?|precisions?) |plus d (?:infos?|informations?|explications?) |des (?:details?|precisions?) |d autres details |di(?:s|tes) m en plus |developpe[sz]? |precise[sz]? |detaille[sz]? )(?:sur|a propos de|concernant|au sujet de) (.+)$/,
  },
  {
    kind: 'short',
    lang: 'en',
    re: new RegExp(
      `^(?:in short|in brief|briefly|in a nutshell|tl ?dr|summari[sz]e) (.+)$|^(.+?) (?:in short|in brief|briefly|in a nutshell|in ${FEW} (?:words?|sentences?|lines?)|tl ?dr)$`,
    ),
  },
  {
    kind: 'short',
    lang: 'fr',
    re: new RegExp(
      `^(?:en bref|en resume|en gros|resume(?: moi)?|tl ?dr) (.+)$|^(.+?) (?:en bref|en resume|en gros|en ${PEU} (?:mots?|phrases?|lignes?)|tl ?dr)$`,
    ),
  },
];

/**
 * The source or details asked about something the message names, read as that thing asked in the
 * conversation: the caller answers `rest` and gives its source (a fact reply cites it) or its details.
 */
export function detectMetaAbout(text: string): MetaAbout | undefined {
  if (text.length > MAX_META_LENGTH) return undefined;
  // "tu peux me donner plus de détails sur…", "can you give us the source for…".
  const s = core(text).replace(
    /^(?:(?:me|nous|m) )?(?:donner|dire|give (?:me|us)|tell (?:me|us)|t as|tu as|as tu|vous avez|avez vous|do you have|have you got|got|what about) /,
    '',
  );
  for (const { kind, lang, re } of ABOUT) {
    const m = re.exec(s);
    const rest = m?.[1] ?? m?.[2];
    if (rest) return { kind, rest, lang };
  }
  return undefined;
}

/** True for "stop", "tais-toi", "shut up": the bot stops listening where it was asked to. */
export function isStop(text: string): boolean {
  return detectMeta(text)?.kind === 'stop';
}
