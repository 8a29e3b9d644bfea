import type { TimeUnit } from './request.js';

/** Month names and time units in English and French, as simplified text (see text.ts) writes them. */

export const MONTHS =
  'jan(?:uary|vier|v)?|feb(?:ruary)?|fevr?(?:ier)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|may|mai|june?|juin|july?|juil(?:let)?|aug(?:ust)?|aout|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|dec(?:ember|embre)?';
export const MONTH_INDEX: [RegExp, number][] = [
  [/^jan/, 1],
  [/^(feb|fev)/, 2],
  [/^mar/, 3],
  [/^(apr|avr)/, 4],
  [/^(may|mai)/, 5],
  [/^(june?|juin)/, 6],
  [/^(july?|juil)/, 7],
  [/^(aug|aout)/, 8],
  [/^sep/, 9],
  [/^oct/, 10],
  [/^nov/, 11],
  [/^dec/, 12],
];

/** A time word, as the number scanner or a span reads it, to its unit. */
export const TIME: Record<string, TimeUnit> = {
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  heure: 'hour',
  heures: 'hour',
  day: 'day',
  days: 'day',
  jour: 'day',
  jours: 'day',
  j: 'day',
  week: 'week',
  weeks: 'week',
  semaine: 'week',
  semaines: 'week',
  month: 'month',
  months: 'month',
  mois: 'month',
  year: 'year',
  years: 'year',
  an: 'year',
  ans: 'year',
  annee: 'year',
  annees: 'year',
};
