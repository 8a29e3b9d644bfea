import {
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { t } from '../../core/i18n/index.js';
import type { Lang } from '../../core/lang.js';
import { safeText } from '../../core/safe-text.js';
import { cut, LIMITS } from './text.js';

/**
 * Buttons under replies. custom_id scheme (always ≤ 100 characters, entry ids are ≤ 61):
 *   bb:rel:<entryId>:<lang>            answer that entry (related question, did-you-mean)
 *   bb:fb:<up|down>:<entryId>:<lang>   👍 / 👎 feedback on that entry
 *   bb:share:<channelId>:<messageId>:<lang>  post a private "Ask briefbot" answer in the channel
 *   bb:fu:<userId>:<lang>              "Follow up": open the modal continuing that user's conversation
 *   bb:fm:<userId>:<lang>              the follow-up modal itself (its submission)
 *   bb:esc:<lang>                      "Ask a person" under a refusal or after a 👎
 */
export type ButtonAction =
  | { kind: 'related'; entryId: string; lang: Lang }
  | { kind: 'vote'; vote: 'up' | 'down'; entryId: string; lang: Lang }
  | { kind: 'share'; channelId: string; messageId: string; lang: Lang }
  | { kind: 'followUp'; owner: string; lang: Lang }
  | { kind: 'escalate'; lang: Lang; entryId?: string };

const ENTRY_ID = '[a-z0-9][a-z0-9-]{1,60}';
const RELATED = new RegExp(`^bb:rel:(${ENTRY_ID}):(en|fr)$`);
const VOTE = new RegExp(`^bb:fb:(up|down):(${ENTRY_ID}):(en|fr)$`);
const SHARE = /^bb:share:(\d{15,21}):(\d{15,21}):(en|fr)$/;
const FOLLOW_UP = /^bb:fu:(\d{15,21}):(en|fr)$/;
const FOLLOW_UP_MODAL = /^bb:fm:(\d{15,21}):(en|fr)$/;

export function followUpId(owner: string, lang: Lang): string {
  return `bb:fu:${owner}:${lang}`;
}

export function followUpModalId(owner: string, lang: Lang): string {
  return `bb:fm:${owner}:${lang}`;
}

/** Reads a follow-up modal's custom_id back; undefined for anything this bot did not make. */
export function parseModalId(customId: string): { owner: string; lang: Lang } | undefined {
  const m = FOLLOW_UP_MODAL.exec(customId);
  return m ? { owner: m[1] as string, lang: m[2] as Lang } : undefined;
}

/** "Follow up" under an answer (no entry needed: it continues the conversation). */
export function followUpButton(owner: string, lang: Lang): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    custom_id: followUpId(owner, lang),
    emoji: { name: '💬' },
    label: cut(t(lang).conversation.followUp, LIMITS.buttonLabel),
  };
}

const ESCALATE = new RegExp(`^bb:esc:(en|fr)(?::(${ENTRY_ID}|calc:[a-z0-9-]{1,40}))?$`);

export function escalateId(lang: Lang, entryId?: string): string {
  return entryId ? `bb:esc:${lang}:${entryId}` : `bb:esc:${lang}`;
}

export function shareId(channelId: string, messageId: string, lang: Lang): string {
  return `bb:share:${channelId}:${messageId}:${lang}`;
}

export function relatedId(entryId: string, lang: Lang): string {
  return `bb:rel:${entryId}:${lang}`;
}

export function voteId(vote: 'up' | 'down', entryId: string, lang: Lang): string {
  return `bb:fb:${vote}:${entryId}:${lang}`;
}

/** Reads a custom_id back; undefined for anything this bot did not make. */
export function parseCustomId(customId: string): ButtonAction | undefined {
  const rel = RELATED.exec(customId);
  if (rel) return { kind: 'related', entryId: rel[1] as string, lang: rel[2] as Lang };
  const follow = FOLLOW_UP.exec(customId);
  if (follow) return { kind: 'followUp', owner: follow[1] as string, lang: follow[2] as Lang };
  const esc = ESCALATE.exec(customId);
  if (esc) return { kind: 'escalate', lang: esc[1] as Lang, ...(esc[2] ? { entryId: esc[2] } : {}) };
  const share = SHARE.exec(customId);
  if (share)
    return {
      kind: 'share',
      channelId: share[1] as string,
      messageId: share[2] as string,
      lang: share[3] as Lang,
    };
  const vote = VOTE.exec(customId);
  if (vote) {
    return {
      kind: 'vote',
      vote: vote[1] as 'up' | 'down',
      entryId: vote[2] as string,
      lang: vote[3] as Lang,
    };
  }
  return undefined;
}

export function questionButton(
  entryId: string,
  question: string,
  lang: Lang,
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: relatedId(entryId, lang),
    label: cut(safeText(question), LIMITS.buttonLabel),
  };
}

export function voteButtons(entryId: string, lang: Lang): APIButtonComponentWithCustomId[] {
  const m = t(lang).feedback;
  return (['up', 'down'] as const).map((vote) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: voteId(vote, entryId, lang),
    emoji: { name: vote === 'up' ? '👍' : '👎' },
    label: cut(vote === 'up' ? m.up : m.down, LIMITS.buttonLabel),
  }));
}

export function shareButton(
  channelId: string,
  messageId: string,
  label: string,
  lang: Lang,
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    custom_id: shareId(channelId, messageId, lang),
    label: cut(label, LIMITS.buttonLabel),
  };
}

export function escalateButton(lang: Lang, entryId?: string): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: escalateId(lang, entryId),
    label: cut(t(lang).escalation.button, LIMITS.buttonLabel),
  };
}

/** A link button to the source, when its address is a plain http(s) URL Discord accepts. */
export function linkButton(url: string | undefined, label: string): APIButtonComponentWithURL | undefined {
  if (!url || url.length > LIMITS.buttonUrl || !/^https?:\/\/\S+$/.test(url)) return undefined;
  return { type: ComponentType.Button, style: ButtonStyle.Link, url, label: cut(label, LIMITS.buttonLabel) };
}
