import { t } from '../../core/i18n/index.js';
import type { Lang } from '../../core/lang.js';
import type { Reply } from '../../core/reply.js';
import type { EscalationTarget } from '../../services/channel-policy.js';
import type { EscalationPoster } from '../../services/escalation.js';
import { MAX_QUESTION_LENGTH } from '../../services/pipeline.js';
import type { Client } from './post.js';
import type { Block } from './render.js';
import { escapeAndCut, escapeMrkdwn } from './text.js';

/** "Ask a person" under a refusal or after a 👎; value: the question, the entry answered, where it was asked. */
export const ESCALATE_ACTION = 'bb_escalate';

export interface EscalateValue {
  /** The question as asked. */
  q: string;
  l: Lang;
  /** Entry id or calculator id of the answer, when there was one (a 👎). */
  e?: string;
  /** Channel and message ts of the question (for the link). */
  c: string;
  ts: string;
}

export function escalateBlock(value: EscalateValue): Block {
  return {
    type: 'actions',
    block_id: 'bb_escalate',
    elements: [
      {
        type: 'button',
        action_id: ESCALATE_ACTION,
        text: { type: 'plain_text', text: escapeAndCut(t(value.l).escalation.button, 75) },
        value: JSON.stringify(value),
      },
    ],
  };
}

/** Reads a button value back; undefined for anything malformed (a forged or stale button). */
export function parseEscalateValue(raw: string | undefined): EscalateValue | undefined {
  try {
    const v = JSON.parse(raw ?? '') as Partial<EscalateValue>;
    if (typeof v.q !== 'string' || v.q.trim() === '' || v.q.length > MAX_QUESTION_LENGTH) return undefined;
    if (v.l !== 'en' && v.l !== 'fr') return undefined;
    if (typeof v.c !== 'string' || !/^[CGD][A-Z0-9]{2,20}$/.test(v.c)) return undefined;
    if (typeof v.ts !== 'string' || !/^\d{1,12}\.\d{1,8}$/.test(v.ts)) return undefined;
    if (v.e !== undefined && (typeof v.e !== 'string' || !/^[a-z0-9][a-z0-9:.-]{0,99}$/.test(v.e)))
      return undefined;
    return { q: v.q, l: v.l, c: v.c, ts: v.ts, ...(v.e ? { e: v.e } : {}) };
  } catch {
    return undefined;
  }
}

/** The escalation button for a reply, when the reply is a refusal in a channel that has a target. */
export function escalationFor(
  reply: Reply,
  question: string,
  channel: string,
  ts: string | undefined,
): Block[] {
  if (reply.answered || reply.kind !== 'none' || !ts || question.trim() === '') return [];
  return [escalateBlock({ q: question.slice(0, MAX_QUESTION_LENGTH), l: reply.lang, c: channel, ts })];
}

/** How to mention the target in Slack: a user group, a person, or nobody. */
function mentionOf(target: EscalationTarget): string {
  const id = target.mention;
  if (!id) return '';
  if (id.startsWith('S')) return `<!subteam^${id}> `;
  if (id.startsWith('U') || id.startsWith('W')) return `<@${id}> `;
  return '';
}

/**
 * Posts the escalation in the target channel, the details in its thread. Everything is escaped but the
 * asker's own mention (a user id from Slack's payload), so the team sees who asked.
 */
export function slackPoster(client: Client, askerMention: string): EscalationPoster {
  const live = /^<@[UW][A-Z0-9]{2,20}>$/.test(askerMention) ? askerMention : '';
  return {
    async post(target, { root, details, link, linkLabel }) {
      const escaped = escapeMrkdwn(root);
      const text = live ? escaped.split(escapeMrkdwn(live)).join(live) : escaped;
      const posted = await client.chat.postMessage({
        channel: target.channel,
        text: `${mentionOf(target)}${text}`,
        unfurl_links: false,
        unfurl_media: false,
      });
      if (!posted.ts) throw new Error('escalation post has no ts');
      await client.chat.postMessage({
        channel: target.channel,
        thread_ts: posted.ts,
        // The permalink comes from Slack (chat.getPermalink), not from the user: it stays a live link,
        // while every address the user typed is defused by escapeMrkdwn.
        text: `${escapeMrkdwn(details)}${link && /^https:\/\/[^\s<>|]+$/.test(link) ? `\n${escapeMrkdwn(linkLabel)} <${link}>` : ''}`,
        unfurl_links: false,
        unfurl_media: false,
      });
    },
  };
}
