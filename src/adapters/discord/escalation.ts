import { type Client, escapeMarkdown, Routes } from 'discord.js';
import type { EscalationPoster } from '../../services/escalation.js';
import { cut } from './text.js';

/**
 * Posts an escalation in the target channel (mentioning the target role, and the asker), then opens a
 * thread on it with the details. Everything else is markdown-escaped and mentions nothing. Plain REST
 * calls: they need nothing in the client's cache (the target may sit in a guild it has not seen).
 */
export function discordPoster(client: Client, askerId: string): EscalationPoster {
  return {
    async post(target, { root, details, link, linkLabel }) {
      const role = target.mention && /^\d{15,21}$/.test(target.mention) ? target.mention : undefined;
      const asker = `<@${askerId}>`;
      const text = escapeMarkdown(root).split(escapeMarkdown(asker)).join(asker);
      const message = (await client.rest.post(Routes.channelMessages(target.channel), {
        body: {
          content: cut(`${role ? `<@&${role}> ` : ''}${text}`, 2000),
          allowed_mentions: { parse: [], roles: role ? [role] : [], users: [askerId] },
        },
      })) as { id: string };
      const thread = (await client.rest.post(Routes.threads(target.channel, message.id), {
        body: { name: cut(root.replace(/\s+/g, ' '), 100), auto_archive_duration: 1440 },
      })) as { id: string };
      await client.rest.post(Routes.channelMessages(thread.id), {
        body: {
          content: cut(
            `${escapeMarkdown(details)}${link && /^https:\/\/\S+$/.test(link) ? `\n${escapeMarkdown(linkLabel)} ${link}` : ''}`,
            2000,
          ),
          allowed_mentions: { parse: [] },
        },
      });
    },
  };
}
