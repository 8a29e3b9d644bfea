import type { ConversationWordsData } from '../knowledge/schema.js';
import { fold } from '../normalize.js';

/**
 * The words follow-ups are read by, from vocabulary.yaml `conversation` (see knowledge/README.md),
 * folded as messages are: "après" is "apres", "où" is "ou".
 */
export interface ConversationWords {
  /** Words that open a condition on the question before ("on the API tho", "en sortie ?"). */
  narrowing: Set<string>;
  /** Someone speaking of oneself ("I will send this"). */
  speaker: Set<string>;
  /** Words that speak to someone ("r u single?", "t'es dispo ?"). */
  addressee: Set<string>;
  /** Words that open a question by inversion ("is it still allowed?"). */
  inversion: Set<string>;
  /** Words that ask which one ("what other stocks…?", "quel modèle ?"). */
  which: Set<string>;
  /** Words that alone ask which ones of what was just asked ("which ones?", "lesquels ?"). */
  whichOnes: Set<string>;
  /** Words that ask how or where, of the thing they come with. */
  howWhere: Set<string>;
  /** Words that ask a question of their own: `asking`, `which` and `how_where`. */
  asking: Set<string>;
  /** Words for the last two things named ("both", "chacun"), and "the two" / "les deux". */
  both: Set<string>;
  theTwo: Set<string>;
  two: Set<string>;
  twoAfter: Set<string>;
  /** Words of a calculation's direction or amount ("sortie", "input"). */
  calculationWords: Set<string>;
  /** Concept ids a change to a calculation may use. */
  calculationTerms: Set<string>;
  /** Concept ids that compare two things. */
  comparing: Set<string>;
}

const folded = (list: { en: string[]; fr: string[] }) => new Set([...list.en, ...list.fr].map(fold));

export function conversationWords(v: ConversationWordsData): ConversationWords {
  const which = folded(v.which);
  const howWhere = folded(v.how_where);
  return {
    narrowing: folded(v.narrowing),
    speaker: folded(v.speaker),
    addressee: folded(v.addressee),
    inversion: folded(v.inversion),
    which,
    whichOnes: folded(v.which_ones),
    howWhere,
    asking: new Set([...which, ...howWhere, ...folded(v.asking)]),
    both: folded(v.both),
    theTwo: folded(v.the_two),
    two: folded(v.two),
    twoAfter: folded(v.two_after),
    calculationWords: folded(v.calculation_words),
    calculationTerms: new Set(v.calculation_terms.map(fold)),
    comparing: new Set(v.comparing.map(fold)),
  };
}
