import type { ButtonInteraction } from 'discord.js';
import { isVoteTarget } from '../../core/cost/index.js';
import { t } from '../../core/i18n/index.js';
import { langFromLocale } from '../../core/lang.js';
import type { Services } from '../../services/index.js';
import { hashUser, recordVote, runLimited } from '../../services/pipeline.js';
import { parseCustomId } from './buttons.js';
import { messages } from './messages.js';
import { type DiscordMessage, notice, renderResult } from './render.js';

/** Clicks on the buttons under replies (custom_id scheme in buttons.ts). */

const VOTE_TTL_SECONDS = 24 * 3600;

/** True when the answer to this click will be ephemeral whatever it is (for a deferred reply). */
export function isPrivateClick(interaction: ButtonInteraction): boolean {
  return parseCustomId(interaction.customId)?.kind === 'vote';
}

/** Handles a click: a related question gets a new public answer; a vote is recorded and thanked privately. */
export async function handleButton(
  interaction: ButtonInteraction,
  services: Services,
): Promise<DiscordMessage> {
  const action = parseCustomId(interaction.customId);
  const clickerLang = langFromLocale(interaction.locale);
  if (!action) return notice(messages[clickerLang ?? 'en'].staleButton);
  const who = { platform: 'discord' as const, userId: interaction.user.id, locale: interaction.locale };
  if (action.kind === 'related') {
    const result = await runLimited(services, who, action.lang, (engine) =>
      engine.answerEntry(action.entryId, action.lang),
    );
    return renderResult(result);
  }
  if (!isVoteTarget(services.engine(), action.entryId))
    return notice(messages[clickerLang ?? 'en'].staleButton);
  const user = hashUser('discord', interaction.user.id);
  const first = await services.state.claimOnce(`vote:discord:${user}:${action.entryId}`, VOTE_TTL_SECONDS);
  if (first) await recordVote(services, who, action.entryId, action.vote, action.lang);
  return notice(t(clickerLang ?? action.lang).feedback.thanks);
}
