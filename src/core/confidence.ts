import type { Reply } from './reply.js';

/**
 * Confidence is shown only below this score: above it, a percentage adds noise to a sure answer.
 * One constant for every surface (the `understanding` work calibrates the scores themselves).
 */
export const CONFIDENCE_SHOWN_BELOW = 0.75;

/** The confidence to show on a reply, or undefined when it is high enough to leave out. */
export function shownConfidence(reply: Reply): number | undefined {
  if (!reply.answered || reply.kind !== 'fact' || reply.confidence === undefined) return undefined;
  return reply.confidence < CONFIDENCE_SHOWN_BELOW ? reply.confidence : undefined;
}
