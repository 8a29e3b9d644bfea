import type { TrainingRequest } from '../engine-types.js';
import { formatCost, formatNumber, formatUsd } from '../format.js';
import { t } from '../i18n/index.js';
import type { TrainingDefaults } from '../knowledge/types.js';
import type { Lang } from '../lang.js';
import { toDecimalString } from '../money.js';
import { makeReply, type Reply } from '../reply.js';
import { readNumber } from './amount.js';

/** Values are held in millionths (scale 6) so that gpus × hours × price is an exact pico-dollar count. */
const SCALE = 6;
const LIMITS = { gpus: 10n ** 8n, hours: 10n ** 9n, price: 10n ** 6n };

type Parsed = { ok: true; micro: bigint } | { ok: false; error: 'bad' | 'too-large' };

function parsePositive(value: number | string, max: bigint): Parsed {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : 'x') : value;
  const n = readNumber(text.replace(/^\$|\$$|\s*(?:usd|dollars?)$/gi, ''));
  if (!n || n.negative || n.digits === 0n) return { ok: false, error: 'bad' };
  const exp = n.exp + SCALE;
  if (n.digits.toString().length + n.exp > max.toString().length) return { ok: false, error: 'too-large' };
  const micro = exp >= 0 ? n.digits * 10n ** BigInt(exp) : n.digits / 10n ** BigInt(-exp);
  if (micro === 0n) return { ok: false, error: 'bad' };
  if (micro > max * 10n ** BigInt(SCALE)) return { ok: false, error: 'too-large' };
  return { ok: true, micro };
}

export interface TrainingInput extends TrainingRequest {
  /** Total GPU-hours, when the user gave those instead of hours per GPU. */
  gpuHours?: number | string | null;
}

/** GPU count × hours × price per GPU-hour, exact; defaults from the DeepSeek-V3 report. */
export function trainingReply(defaults: TrainingDefaults, request: TrainingInput, lang: Lang): Reply {
  const m = t(lang).training;
  const given = (v: number | string | null | undefined) =>
    v !== undefined && v !== null && String(v).trim() !== '';
  const gpus = parsePositive(
    given(request.gpus) ? (request.gpus as number | string) : defaults.gpus,
    LIMITS.gpus,
  );
  const price = parsePositive(
    given(request.pricePerGpuHour) ? (request.pricePerGpuHour as number | string) : defaults.pricePerGpuHour,
    LIMITS.price,
  );
  const problems: string[] = [];
  if (!gpus.ok) problems.push(gpus.error === 'bad' ? m.bad(m.gpus) : m.tooLarge(m.gpus));
  if (!price.ok) problems.push(price.error === 'bad' ? m.bad(m.pricePerHour) : m.tooLarge(m.pricePerHour));
  let gpuHoursMicro: bigint | undefined;
  if (given(request.gpuHours)) {
    const gh = parsePositive(request.gpuHours as number | string, LIMITS.hours * LIMITS.gpus);
    if (!gh.ok) problems.push(gh.error === 'bad' ? m.bad(m.gpuHours) : m.tooLarge(m.gpuHours));
    else gpuHoursMicro = gh.micro;
  } else if (given(request.hours)) {
    const h = parsePositive(request.hours as number | string, LIMITS.hours);
    if (!h.ok) problems.push(h.error === 'bad' ? m.bad(m.hoursPerGpu) : m.tooLarge(m.hoursPerGpu));
    else if (gpus.ok) gpuHoursMicro = (gpus.micro * h.micro) / 10n ** BigInt(SCALE);
  } else if (gpus.ok) {
    // Hours per GPU from the report (2.788M GPU-hours / 2,048 GPUs), applied to the GPU count asked.
    const perGpuMicro = (BigInt(defaults.gpuHours) * 10n ** BigInt(SCALE)) / BigInt(defaults.gpus);
    gpuHoursMicro = (gpus.micro * perGpuMicro) / 10n ** BigInt(SCALE);
  }
  if (problems.length > 0 || !gpus.ok || !price.ok || gpuHoursMicro === undefined) {
    return makeReply({ kind: 'training', lang, title: m.title, body: problems.join('\n') });
  }
  const totalPico = gpuHoursMicro * price.micro;
  const gpusText = formatNumber(toDecimalString(gpus.micro, SCALE), lang);
  const gpuHoursText = formatNumber(toDecimalString(gpuHoursMicro, SCALE), lang, 0);
  const hoursPerGpu = formatNumber(
    toDecimalString((gpuHoursMicro * 10n ** BigInt(SCALE)) / gpus.micro, SCALE),
    lang,
    1,
  );
  const priceText = formatUsd(toDecimalString(price.micro, SCALE), lang);
  const total = formatCost(totalPico, lang);
  return makeReply({
    kind: 'training',
    lang,
    answered: true,
    title: m.title,
    body: `${m.formula(gpuHoursText, gpusText, priceText, total)}\n${m.defaultsNote(defaults.source.title)}`,
    fields: [
      { label: m.gpus, value: gpusText, inline: true },
      { label: m.hoursPerGpu, value: hoursPerGpu, inline: true },
      { label: m.gpuHours, value: gpuHoursText, inline: true },
      { label: m.pricePerHour, value: priceText, inline: true },
      { label: m.total, value: total, inline: true },
    ],
    source: { label: defaults.source.title, url: defaults.source.url, date: defaults.source.date },
  });
}
