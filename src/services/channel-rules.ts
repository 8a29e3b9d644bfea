import type { Lang } from '../core/lang.js';
import type { Reply } from '../core/reply.js';
import type { Platform } from './types.js';

/**
 * The channel policy's rules and their lookup, without the file's parser (channel-policy.ts): the
 * services and the console chat use these, and the YAML parser and zod load only with a CHANNELS_FILE.
 */

export type ChannelMode = 'mention' | 'auto' | 'quiet';
export type Visibility = 'public' | 'private';

/** Where "Ask a person" posts: a Slack channel (optionally pinging a user group), a Discord channel (optionally a role). */
export interface EscalationTarget {
  channel: string;
  /** Slack user group id (S…) or Discord role id to mention in the post. */
  mention?: string;
}

export interface ChannelRule {
  mode: ChannelMode;
  visibility: Visibility;
  languages: Lang[];
  escalation?: EscalationTarget;
}

/** Confidence an `auto` channel needs before the bot speaks unasked. */
export const AUTO_CONFIDENCE = 0.8;

/**
 * What an `auto` channel lets the bot post unasked (every platform): a confident fact, or a
 * calculation. Refusals, help, small talk and notices are never posted there.
 */
export function confidentEnough(reply: Reply): boolean {
  if (!reply.answered) return false;
  if (reply.kind === 'cost' || reply.kind === 'training') return true;
  return reply.kind === 'fact' && (reply.confidence ?? 0) >= AUTO_CONFIDENCE;
}

export class PolicyError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid channel policy:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'PolicyError';
  }
}

/** The rule of every channel when no policy file says otherwise. */
export const BUILT_IN: ChannelRule = { mode: 'mention', visibility: 'public', languages: ['en', 'fr'] };

/** The rules in force: one per listed channel, the default for every other. */
export class ChannelPolicy {
  private readonly rules = new Map<string, ChannelRule>();

  constructor(
    readonly defaultRule: ChannelRule = BUILT_IN,
    channels: { id: string; platform?: Platform; rule: ChannelRule }[] = [],
  ) {
    for (const c of channels) {
      if (c.platform) this.rules.set(`${c.platform}:${c.id}`, c.rule);
      else {
        this.rules.set(`slack:${c.id}`, c.rule);
        this.rules.set(`discord:${c.id}`, c.rule);
      }
    }
  }

  /** The rule of a channel; DMs and unknown channels get the default. */
  forChannel(platform: Platform, channelId: string | null | undefined): ChannelRule {
    if (!channelId) return this.defaultRule;
    return this.rules.get(`${platform}:${channelId}`) ?? this.defaultRule;
  }

  /** Channel ids set to `auto` on one platform (said at start-up). */
  autoChannels(platform: Platform): string[] {
    const prefix = `${platform}:`;
    return [...this.rules]
      .filter(([key, rule]) => key.startsWith(prefix) && rule.mode === 'auto')
      .map(([key]) => key.slice(prefix.length));
  }
}
