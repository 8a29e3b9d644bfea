import type { PeriodChoice } from './request.js';
import { MONTH_INDEX, MONTHS } from './time-words.js';

/** Which prices a question asks for: after the promotion or o1-mini's cut, at a date, or January 2025's. */

/** "latest": the list price after the promotion, o1-mini after its cut; "default": January 2025. */
const LATEST =
  /\b(after (?:the |its |their )?(?:(?:jan\w*|feb\w*|january|february|fevrier|janvier|end of january) )?(?:promo\w*|discount\w*|cut|price cut|price drop|drop|reduction|end of the promo\w*|offer)|post[- ]?promo\w*|once the promo\w* (?:ends|ended|is over)|list prices?|regular prices?|normal prices?|full prices?|standard prices?|usual prices?|current(?:ly)?|today|nowadays|these days|now|latest|new price|newer price|apres (?:la |sa |leur |le )?(?:promo\w*|reduction|baisse|fin de la promo\w*|offre)|prix (?:catalogue|normal|standard|plein|public|de base|habituel|actuels?|courant)|tarifs? (?:normal|standard|plein|public|actuels?|catalogue)|actuel\w*|aujourd'hui|maintenant|nouveau prix|nouveaux prix)\b/;
const EARLIEST =
  /\b(before (?:the |its |their )?(?:(?:jan\w*|feb\w*|january|february) )?(?:cut|price cut|drop|reduction|end of the promo\w*)|during the promo\w*|promo\w* price|promotional|launch price|at launch|at the time|back then|in january|january 2025|en janvier|janvier 2025|au lancement|prix de lancement|pendant la promo\w*|avant (?:la |sa |leur )?(?:baisse|reduction|fin de la promo\w*)|prix promo\w*|a l'epoque|a ce moment)\b/;
const DATE = new RegExp(
  String.raw`\b(?:(?<d1>\d{1,2})(?:st|nd|rd|th|er)?\s+)?(?<m>${MONTHS})\.?(?:\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?<y>20\d\d))?\b|\b(?<iso>20\d\d-\d\d(?:-\d\d)?)\b`,
);

export function periodOf(s: string): { period: PeriodChoice; said: boolean } {
  if (LATEST.test(s)) return { period: { kind: 'latest' }, said: true };
  const iso = DATE.exec(s);
  if (iso?.groups?.iso) {
    const d = iso.groups.iso.length === 7 ? `${iso.groups.iso}-01` : iso.groups.iso;
    return { period: { kind: 'date', date: d }, said: true };
  }
  // A month named with a price word: "in February 2025", "en mars".
  const dated =
    /\b(?:in|on|from|since|as of|en|au|le|depuis|des|a partir du?|at the start of|early|late|mid|debut|fin|mi)\b[\s-]+(?:(?:\d{1,2})(?:st|nd|rd|th|er)?\s+)?/.exec(
      s,
    ) && DATE.exec(s);
  if (EARLIEST.test(s)) return { period: { kind: 'default' }, said: true };
  if (dated?.groups?.m) {
    const month = MONTH_INDEX.find(([re]) => re.test(dated.groups?.m ?? ''))?.[1];
    if (month) {
      const year = dated.groups.y ?? '2025';
      const day = dated.groups.d1 ?? dated.groups.d2 ?? '1';
      const date = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
      return { period: { kind: 'date', date }, said: true };
    }
  }
  return { period: { kind: 'default' }, said: false };
}
