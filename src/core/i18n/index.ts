import type { Lang } from '../lang.js';
import { en, type Messages } from './en.js';
import { fr } from './fr.js';

export type { Messages } from './en.js';

const MESSAGES: Record<Lang, Messages> = { en, fr };

/** The user-facing texts of one language. */
export function t(lang: Lang): Messages {
  return MESSAGES[lang];
}
