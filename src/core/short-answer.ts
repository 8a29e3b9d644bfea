/**
 * "Short answer first": the first line of a reply answers in one sentence, the details follow.
 * Sentences end at . ! ? followed by a space and a capital, a digit or an opening mark, except after
 * common abbreviations ("No. 1", "a.m.", "vs.").
 */
const SENTENCE_END =
  /(?<!\b(?:No|no|Mr|Dr|St|vs|approx|env|cf|p|a\.m|p\.m|e\.g|i\.e|U\.S|Jan|Feb|Sept|Oct|Nov|Dec))[.!?](?=\s+[A-ZÀ-ÖØ-Þ«"“($0-9])/u;

/** The first sentence of a text, and the rest (empty when the text is one sentence). */
export function splitFirstSentence(text: string): { first: string; rest: string } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = SENTENCE_END.exec(flat);
  if (!m) return { first: flat, rest: '' };
  return { first: flat.slice(0, m.index + 1), rest: flat.slice(m.index + 1).trim() };
}

/** The text with its first sentence alone on the first line. */
export function shortAnswerFirst(text: string): string {
  const { first, rest } = splitFirstSentence(text);
  return rest ? `${first}\n\n${rest}` : first;
}
