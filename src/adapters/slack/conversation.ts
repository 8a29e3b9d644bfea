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
 * Whether a thread reply that did not mention the bot gets an answer: only a confident fact or
 * calculation, or a follow-up the conversation resolves. Refusals, help, small talk and notices stay
 * unposted, so people talking to each other in the thread are left alone.
 */
export function worthPostingUnasked(reply: Reply): boolean {
  return reply.answered && (reply.kind === 'fact' || reply.kind === 'cost' || reply.kind === 'training');
}
