import type { Num } from './numbers.js';
import { HOURS, type Span, type TimeUnit } from './request.js';
import { TIME } from './time-words.js';

/** "per day for 30 days", "par jour pendant un mois", "a day for 2 weeks", "daily for a year". */
export function spanOf(s: string, timesNums: Num[]): Span | undefined {
  const PER =
    /\b(?:per|a|an|each|every|par|chaque|\/)\s*(hour|day|week|month|year|heure|jour|semaine|mois|an|annee)\b|\b(hourly|daily|weekly|monthly|yearly|quotidien\w*|journalier\w*|hebdo\w*|mensuel\w*|annuel\w*)\b/;
  const per = PER.exec(s);
  if (!per) return undefined;
  // "100 requests a day … per month": the rate is the first unit, the span the second.
  const second = new RegExp(PER.source, 'g');
  const units = [...s.matchAll(second)].map((x) => x[1] ?? x[2] ?? '');
  const distinct = [...new Set(units.map((u) => TIME[u]).filter(Boolean))] as TimeUnit[];
  const word = per[1] ?? per[2] ?? '';
  const perUnit: TimeUnit | undefined =
    TIME[word] ??
    (/^(daily|quotidien|journalier)/.test(word)
      ? 'day'
      : /^(hourly)/.test(word)
        ? 'hour'
        : /^(weekly|hebdo)/.test(word)
          ? 'week'
          : /^(monthly|mensuel)/.test(word)
            ? 'month'
            : /^(yearly|annuel)/.test(word)
              ? 'year'
              : undefined);
  if (!perUnit) return undefined;
  const dur = timesNums.find((n) => n.index > (per.index ?? 0) || timesNums.length === 1);
  if (dur?.what) return { per: perUnit, count: dur.value, unit: dur.what as TimeUnit };
  // "for a month", "pendant un an", "over a week".
  const one =
    /\b(?:for|over|during|pendant|sur|durant)\s+(?:a|an|one|un|une|1)\s+(hour|day|week|month|year|heure|jour|semaine|mois|an|annee)\b/.exec(
      s,
    );
  const unit = one?.[1] ? TIME[one[1]] : undefined;
  if (unit && unit !== perUnit) return { per: perUnit, count: '1', unit };
  // "1M tokens per day … how much per month": the smaller unit is the rate, the larger the span.
  if (distinct.length > 1) {
    const sorted = [...distinct].sort((a, b) => Number(HOURS[a] - HOURS[b]));
    const small = sorted[0] as TimeUnit;
    const large = sorted[sorted.length - 1] as TimeUnit;
    return { per: small, count: '1', unit: large };
  }
  // "100 requests a day": a rate alone; the cost is per day, and the reply says so.
  return { per: perUnit, count: '1', unit: perUnit };
}
