import type { Lang } from './lang.js';
import { Memo } from './memo.js';

/** Dates written for the reader: "27 January 2025" / "27 janvier 2025"; a month alone: "January 2025". */
const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, withDay: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${withDay}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], {
      ...(withDay ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(key, f);
  }
  return f;
}

/** An ISO date (YYYY-MM-DD or YYYY-MM) for the reader; anything else is returned unchanged. */
export function formatDate(iso: string, lang: Lang): string {
  // The knowledge's few dates, formatted for every answer: Intl's format is the costly part.
  return iso.length <= 16 ? formatted.get(`${lang}|${iso}`, () => format(iso, lang)) : format(iso, lang);
}

const formatted = new Memo<string, string>(2000);

function format(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== Number(mo) - 1) return iso;
  return formatter(lang, d !== undefined).format(date);
}
