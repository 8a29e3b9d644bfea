import type { Reply } from '../../core/reply.js';

/** Where a Slack conversation lives: a thread in a channel, or a direct-message channel. */
export function threadKey(team: string | undefined, channel: string, threadTs: string): string {
  return `slack:${team ?? '-'}:${channel}:${threadTs}`;
}

export function dmKey(team: string | undefined, channel: string): string {
  return `slack:${team ?? '-'}:${channel}`;
}

/** Markup that addresses someone (a person, @here, @channel): a reply so marked is not for the bot. */
const ADDRESSED = /<@[UW][A-Z0-9]+(?:\|[^>]*)?>|<!(?:here|channel|everyone)(?:\|[^>]*)?>/;

/** True when a thread reply without a mention names someone other than the bot. */
export function addressedToSomeoneElse(text: string, botUserId: string | undefined): boolean {
  const withoutBot = botUserId ? text.split(`<@${botUserId}>`).join('') : text;
  return ADDRESSED.test(withoutBot);
}

/**
 * Below this confidence, a fact the message would get on its own (the conversation changed nothing) is
 * not posted unasked: on the multi-turn dev set, such answers were right 0 times in 1, against 4 in 5
 * when the conversation resolved them (and every answer at 0.5 or more, 55 of 55, was right).
 */
export const UNASKED_MIN_CONFIDENCE = 0.5;

/**
 * Whether a thread reply that did not mention the bot gets an answer: a calculation, a fact answered
 * with some confidence, or a follow-up the conversation resolves (`standalone`, the reply the message
 * would get on its own, tells which). Refusals, help, small talk and notices stay unposted, so people
 * talking to each other in the thread are left alone.
 */
export function worthPostingUnasked(reply: Reply, standalone: () => Reply): boolean {
  if (!reply.answered) return false;
  if (reply.kind === 'cost' || reply.kind === 'training') return true;
  if (reply.kind !== 'fact') return false;
  if ((reply.confidence ?? 1) >= UNASKED_MIN_CONFIDENCE) return true;
  const alone = standalone();
  return !(alone.answered && alone.entryId === reply.entryId);
}
