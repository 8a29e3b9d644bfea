import type { ChannelRule } from '../../services/channel-policy.js';
import type { Services } from '../../services/index.js';

/** The channel policy's rule for a Slack channel; direct messages get the default. */
export function ruleFor(services: Services, channel: string): ChannelRule {
  return services.policy().forChannel('slack', channel.startsWith('D') ? undefined : channel);
}

/** A channel limited to one language answers in it (a locale hint wins over detection). */
export function localeFor(rule: ChannelRule): string | null {
  return rule.languages.length === 1 ? (rule.languages[0] ?? null) : null;
}
