import type { TrainingRequest } from '../engine-types.js';
import { countOf, formatNumber, formatUsd, pluralOf } from '../format.js';
import { t } from '../i18n/index.js';
import type { TrainingDefaults } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { makeReply, type Reply } from '../reply.js';
import { div, floor, fromDecimal, isWhole, mul, type Rational, rat, round, toDecimal } from './rational.js';
import { HOURS, type TimeUnit, type TrainingCalc } from './request.js';

/** Largest values computed: 10^8 GPUs, 10^9 hours per GPU, $10^6 per GPU-hour, $10^15 of budget. */
const LIMITS = {
  gpus: 10n ** 8n,
  hours: 10n ** 9n,
  price: 10n ** 6n,
  gpuHours: 10n ** 17n,
  budget: 10n ** 15n,
};

export interface TrainingInput extends TrainingRequest {
  /** Total GPU-hours, when the user gave those instead of hours per GPU. */
  gpuHours?: number | string | null;
}

type Read = { ok: true; value: Rational } | { ok: false; error: 'bad' | 'too-large' } | undefined;

function read(value: number | string | null | undefined, max: bigint): Read {
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'x') : value;
  const n = fromDecimal(text.trim().replace(/^\$|\$$|\s*(?:usd|dollars?)$/gi, ''));
  if (!n || n.n === 0n) return { ok: false, error: 'bad' };
  if (n.n > max * n.d) return { ok: false, error: 'too-large' };
  return { ok: true, value: n };
}

/** The structured /training request (hours per GPU) as a calculation. */
export function trainingCalcOf(request: TrainingInput): TrainingCalc {
  const s = (v: number | string | null | undefined) =>
    v === undefined || v === null
      ? undefined
      : typeof v === 'number'
        ? Number.isFinite(v)
          ? String(v)
          : 'x'
        : v;
  const calc: TrainingCalc = { type: 'training' };
  const gpus = s(request.gpus);
  const hours = s(request.hours);
  const price = s(request.pricePerGpuHour);
  const gpuHours = s(request.gpuHours);
  if (gpus !== undefined && gpus.trim() !== '') calc.gpus = gpus;
  if (hours !== undefined && hours.trim() !== '') calc.duration = { count: hours, unit: 'hour' };
  if (price !== undefined && price.trim() !== '') calc.price = price;
  if (gpuHours !== undefined && gpuHours.trim() !== '') calc.gpuHours = gpuHours;
  return calc;
}

/** GPU count × hours × price per GPU-hour, or what a budget buys; defaults from the DeepSeek-V3 report. */
export function trainingReply(defaults: TrainingDefaults, request: TrainingInput, lang: Lang): Reply {
  return trainingAnswer(defaults, trainingCalcOf(request), lang);
}

const usd = (r: Rational, lang: Lang) => formatUsd(toDecimal(r, 6), lang);

export function trainingAnswer(defaults: TrainingDefaults, calc: TrainingCalc, lang: Lang): Reply {
  const m = t(lang).training;
  const c = t(lang).cost;
  const problems: string[] = [];
  const check = (r: Read, name: string): Rational | undefined => {
    if (!r) return undefined;
    if (!r.ok) {
      problems.push(r.error === 'bad' ? m.bad(name) : m.tooLarge(name));
      return undefined;
    }
    return r.value;
  };
  const unit: TimeUnit = calc.duration?.unit ?? 'hour';
  const gpus = check(read(calc.gpus, LIMITS.gpus), m.gpus);
  const count = check(read(calc.duration?.count, LIMITS.hours / HOURS[unit] || 1n), m.hoursPerGpu);
  const gpuHoursGiven = check(read(calc.gpuHours, LIMITS.gpuHours), m.gpuHours);
  const priceGiven = check(read(calc.price, LIMITS.price), m.pricePerHour);
  const budget = check(read(calc.budget, LIMITS.budget), m.total);
  if (problems.length > 0)
    return makeReply({ kind: 'training', lang, title: m.title, body: problems.join('\n') });

  const fromReport: string[] = [];
  const defaultPrice = fromDecimal(defaults.pricePerGpuHour) ?? rat(2n);
  const reportHoursPerGpu = rat(BigInt(defaults.gpuHours), BigInt(defaults.gpus));
  let price = priceGiven;
  let hours = count ? mul(count, rat(HOURS[unit])) : undefined;
  let g = gpus;
  let gpuHours = gpuHoursGiven;
  let result: string;
  let total: Rational | undefined;
  const hoursText = (h: Rational) => formatNumber(toDecimal(h, 2), lang, 1);
  const countText = (n: Rational, noun: { one: string; other: string }, digits = 0) =>
    isWhole(n)
      ? countOf(n.n, lang, noun, formatNumber(n.n, lang, 0))
      : `${formatNumber(toDecimal(n, 3), lang, digits)}\u00a0${noun.other}`;

  if (calc.solve === 'duration' && g && !hours && !budget) {
    // "How long on 4096 GPUs?": the report's GPU-hours (or those given) spread over the GPUs asked.
    const gh = gpuHoursGiven ?? rat(BigInt(defaults.gpuHours));
    if (!gpuHoursGiven) fromReport.push(m.reportGpuHours);
    hours = div(gh, g) ?? rat(0n);
    gpuHours = gh;
    result = m.solvedHours(hoursText(hours), formatNumber(toDecimal(mul(hours, rat(1n, 24n)), 1), lang, 1));
  } else if (budget && !(price && ((g && hours) || gpuHours))) {
    if (!price && g && hours) {
      const p = div(budget, mul(g, hours));
      result = m.solvedPrice(p ? usd(p, lang) : '—');
    } else {
      if (!price) {
        price = defaultPrice;
        fromReport.push(m.reportPrice);
      }
      const gh = div(budget, price) ?? rat(0n);
      if (g) {
        hours = div(gh, g) ?? rat(0n);
        result = m.solvedHours(
          hoursText(hours),
          formatNumber(toDecimal(mul(hours, rat(1n, 24n)), 1), lang, 1),
        );
      } else if (hours) {
        result = m.solvedGpus(
          countOf(
            floor(div(gh, hours) ?? rat(0n)),
            lang,
            m.gpuNoun,
            formatNumber(floor(div(gh, hours) ?? rat(0n)), lang, 0),
          ),
        );
      } else {
        result = m.solvedGpuHours(countOf(floor(gh), lang, m.gpuHourNoun, formatNumber(floor(gh), lang, 0)));
      }
    }
  } else {
    if (!price) {
      price = defaultPrice;
      fromReport.push(m.reportPrice);
    }
    if (!gpuHours) {
      if (g && hours) gpuHours = mul(g, hours);
      else if (g) {
        hours = reportHoursPerGpu;
        fromReport.push(m.reportHoursPerGpu(hoursText(reportHoursPerGpu)));
        gpuHours = mul(g, hours);
      } else if (hours) {
        g = rat(BigInt(defaults.gpus));
        fromReport.push(m.reportGpus);
        gpuHours = mul(g, hours);
      } else {
        gpuHours = rat(BigInt(defaults.gpuHours));
        fromReport.push(m.reportGpuHours);
      }
    }
    total = mul(gpuHours, price);
    const factors =
      g && hours && !gpuHoursGiven
        ? `${countText(g, m.gpuNoun)} × ${hoursText(hours)}\u00a0h × ${usd(price, lang)}`
        : `${countText(gpuHours, m.gpuHourNoun)} × ${usd(price, lang)}`;
    result = m.product(factors, usd(total, lang));
  }

  const understood: string[] = [];
  if (budget) understood.push(c.budgetOf(usd(budget, lang)));
  if (gpus) understood.push(countText(gpus, m.gpuNoun));
  if (count && calc.duration) {
    const noun = c.timeNouns[unit];
    const word = isWhole(count) && pluralOf(count.n, lang) === 'one' ? noun.one : noun.other;
    const duration = `${formatNumber(toDecimal(count, 3), lang, 3)}\u00a0${word}`;
    understood.push(unit === 'hour' ? duration : m.perGpu(duration, hoursText(mul(count, rat(HOURS[unit])))));
  }
  if (gpuHoursGiven) understood.push(countText(gpuHoursGiven, m.gpuHourNoun));
  if (priceGiven) understood.push(m.priceOf(usd(priceGiven, lang)));
  const notes: string[] = [];
  if (unit === 'month') notes.push(c.monthLength);
  if (unit === 'year') notes.push(c.yearLength);
  if (calc.currency) notes.push(c.usdOnly);
  if (fromReport.length > 0) notes.push(m.fromReport(fromReport.join(', ')));
  if (!gpus && !count && !gpuHoursGiven && !budget) notes.push(m.excludes);
  const lines = [
    ...(understood.length > 0 ? [`${c.understood}${t(lang).colon}${understood.join(' · ')}`] : []),
    result,
    ...(notes.length > 0 ? [notes.join(' ')] : []),
  ];
  const fields = [
    ...(g ? [{ label: m.gpus, value: formatNumber(toDecimal(g, 3), lang, 3), inline: true }] : []),
    ...(gpuHours ? [{ label: m.gpuHours, value: formatNumber(round(gpuHours), lang, 0), inline: true }] : []),
    ...(price ? [{ label: m.pricePerHour, value: usd(price, lang), inline: true }] : []),
    ...(total ? [{ label: m.total, value: usd(total, lang), inline: true }] : []),
  ];
  return makeReply({
    kind: 'training',
    lang,
    answered: true,
    title: m.title,
    body: lines.join('\n'),
    fields,
    source: { label: defaults.source.title, url: defaults.source.url, date: defaults.source.date },
  });
}
