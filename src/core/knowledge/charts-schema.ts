import { z } from 'zod';
import { bilingualText, isoDate, text, titledSource } from './schema.js';

/** Schema of knowledge/charts.yaml: the figures behind the market and training charts. */

const entryIds = z.array(z.string()).default([]);
/** A name in both languages, or one name that reads the same in both ("Nvidia"). */
const name = z.union([text.transform((s) => ({ en: s, fr: s })), bilingualText]);

export const marketMoveSchema = z
  .object({
    name,
    kind: z.enum(['stock', 'index'], { error: 'must be "stock" or "index"' }),
    /** Percentage change: -16.97 for −16.97 %. */
    change: z
      .number({ error: 'must be a number of percent, like -16.97' })
      .min(-100, 'cannot fall more than 100%')
      .max(1000),
    /** "close" (default) or "intraday" when no closing figure is known. */
    basis: z.enum(['close', 'intraday'], { error: 'must be "close" or "intraday"' }).default('close'),
    /** The source gives a rounded or "about" figure. */
    approx: z.boolean().default(false),
  })
  .strict();

export const chartsFileSchema = z
  .object({
    market: z
      .object({
        date: isoDate,
        title: bilingualText,
        entries: entryIds,
        sources: z.array(titledSource).min(1, 'needs at least one source'),
        moves: z.array(marketMoveSchema).min(1, 'needs at least one move').max(20, 'at most 20 bars'),
      })
      .strict(),
    training: z
      .object({
        title: bilingualText,
        entries: entryIds,
        stages: z
          .array(
            z
              .object({
                name: bilingualText,
                gpu_hours: z.number({ error: 'must be a number of GPU hours' }).int().positive(),
              })
              .strict(),
          )
          .min(1, 'needs at least one stage')
          .max(10),
      })
      .strict(),
  })
  .strict();

export type ChartsFileData = z.output<typeof chartsFileSchema>;
export type MarketMove = z.output<typeof marketMoveSchema>;
