/** Why a 👎: the reasons offered in the feedback form on every platform (labels in i18n). */
export const FEEDBACK_REASONS = ['wrong', 'outdated', 'unclear', 'not-asked'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** Longest comment kept with a 👎 (the forms cap it too). */
export const MAX_FEEDBACK_COMMENT = 500;

export function isFeedbackReason(value: unknown): value is FeedbackReason {
  return typeof value === 'string' && (FEEDBACK_REASONS as readonly string[]).includes(value);
}

/** A comment as stored: control characters removed, spaces collapsed, capped. */
export function cleanComment(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_FEEDBACK_COMMENT);
  return text === '' ? undefined : text;
}
