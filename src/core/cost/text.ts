/**
 * The text of a cost question made comparable before anything is read from it: simplified (lowercase,
 * accents removed, positions kept) and with number words written as digits.
 */

/** Lowercase, accents removed, same length as the NFKC text (positions stay comparable). */
export function simplify(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[\u00a0\u202f]/g, ' ');
}

const WORD_NUMBERS: Record<string, string> = {
  one: '1',
  un: '1',
  une: '1',
  two: '2',
  deux: '2',
  three: '3',
  trois: '3',
  four: '4',
  quatre: '4',
  five: '5',
  cinq: '5',
  six: '6',
  seven: '7',
  sept: '7',
  eight: '8',
  huit: '8',
  nine: '9',
  neuf: '9',
  ten: '10',
  dix: '10',
  twelve: '12',
  douze: '12',
  fifteen: '15',
  quinze: '15',
  twenty: '20',
  vingt: '20',
  thirty: '30',
  trente: '30',
  fifty: '50',
  cinquante: '50',
  hundred: '100',
  cent: '100',
};
const BIG = 'thousand|million|millions|billion|billions|mille|milliards?';
const NOUNS =
  'tokens?|jetons?|requests?|requetes?|requêtes?|calls?|appels?|users?|utilisateurs?|days?|jours?|weeks?|semaines?|months?|mois|years?|ans|hours?|heures?|gpus?|h100s?|h800s?|words?|mots|pages?';
const SPELLED = new RegExp(
  String.raw`\b(?:(a|an)\s+(?=(?:${BIG})\b)|(?<!\bquoi\s+|qu['’]\s*)(one|un|une|two|deux|three|trois|four|quatre|five|cinq|six|seven|sept|eight|huit|nine|neuf|ten|dix|twelve|douze|fifteen|quinze|twenty|vingt|thirty|trente|fifty|cinquante|hundred|cent)\s+(?=(?:${BIG}|${NOUNS})\b))`,
  'giu',
);

/**
 * "a million tokens", "two weeks", "un milliard de tokens": number words as digits, before reading. An
 * article after "c'est quoi" or "qu'est-ce qu'" defines a word ("c'est quoi un token ?"): no number.
 */
export function spellNumbers(text: string): string {
  return text.replace(SPELLED, (all, article: string | undefined, word: string | undefined) => {
    if (article) return '1 ';
    const digits = WORD_NUMBERS[(word ?? '').toLowerCase()];
    return digits ? `${digits} ` : all;
  });
}
