import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
} from 'discord.js';
import { t } from '../../core/i18n/index.js';
import { langFromLocale } from '../../core/lang.js';
import type { Logger } from '../../logger.js';
import type { Services } from '../../services/index.js';
import { newErrorId } from '../../services/pipeline.js';
import { parseCustomId } from './buttons.js';
import { feedbackFormFor, handleButton, handleFeedbackForm, isPrivateClick } from './clicks.js';
import { findCommand, findMessageCommand } from './commands/index.js';
import { followUpModal, handleFollowUp } from './conversation.js';
import { parseFeedbackFormId } from './feedback-form.js';
import { notice } from './render.js';
import { answerInTime, deliver, withChartFile } from './respond.js';

export interface DispatchOptions {
  /** Defer the reply when the answer is not ready within this many milliseconds. */
  deferAfterMs: number;
}

/**
 * The one entry point for interactions, with the one error policy: an unexpected failure is logged in
 * full with an error id, and the user gets a single ephemeral apology quoting that id. Unknown commands
 * are answered ephemerally; interaction types the bot does not use are ignored. Never throws.
 */
export function createDispatcher(services: Services, log: Logger, options: DispatchOptions) {
  return async function dispatch(interaction: Interaction): Promise<void> {
    try {
      await route(interaction, services, options);
    } catch (error) {
      const errorId = newErrorId();
      log.error({ err: error, errorId, ...describe(interaction) }, 'interaction failed');
      await apologize(interaction, errorId, log);
    }
  };
}

async function route(interaction: Interaction, services: Services, options: DispatchOptions): Promise<void> {
  if (interaction.isAutocomplete()) {
    const command = findCommand(interaction.commandName);
    if (command?.autocomplete) await command.autocomplete(interaction, services);
    else await interaction.respond([]);
    return;
  }
  if (interaction.isChatInputCommand()) {
    const command = findCommand(interaction.commandName);
    if (!command) {
      const lang = langFromLocale(interaction.locale) ?? 'en';
      await deliver(interaction, notice(t(lang).errors.unknownCommand));
      return;
    }
    await admitted(interaction, services, async () => {
      const work = command
        .execute(interaction, services)
        .then((msg) => withChartFile(msg, services.charts, services.logger));
      await answerInTime(interaction, work, options.deferAfterMs, command.isPrivate?.(interaction) ?? false);
    });
    return;
  }
  if (interaction.isMessageContextMenuCommand()) {
    const command = findMessageCommand(interaction.commandName);
    if (!command) {
      const lang = langFromLocale(interaction.locale) ?? 'en';
      await deliver(interaction, notice(t(lang).errors.unknownCommand));
      return;
    }
    await admitted(interaction, services, async () => {
      await answerInTime(interaction, command.execute(interaction, services), options.deferAfterMs, true);
    });
    return;
  }
  if (interaction.isModalSubmit() && parseFeedbackFormId(interaction.customId)) {
    await answerInTime(interaction, handleFeedbackForm(interaction, services), options.deferAfterMs, true);
    return;
  }
  if (interaction.isButton()) {
    // A modal must be the interaction's first and only response: shown at once, never after a deferral.
    const action = parseCustomId(interaction.customId);
    if (action?.kind === 'followUp') {
      await interaction.showModal(
        followUpModal(action.owner, langFromLocale(interaction.locale) ?? action.lang),
      );
      return;
    }
    // A 👎 opens its form.
    const form = feedbackFormFor(interaction, services);
    if (form) {
      await interaction.showModal(form);
      return;
    }
    await admitted(interaction, services, async () => {
      const work = handleButton(interaction, services).then((msg) =>
        withChartFile(msg, services.charts, services.logger),
      );
      await answerInTime(interaction, work, options.deferAfterMs, isPrivateClick(interaction));
    });
    return;
  }
  if (interaction.isModalSubmit()) {
    await admitted(interaction, services, async () => {
      const work = handleFollowUp(interaction, services).then((msg) =>
        withChartFile(msg, services.charts, services.logger),
      );
      await answerInTime(interaction, work, options.deferAfterMs, false);
    });
    return;
  }
  // Other interaction types (select menus, user context menus) are not used by briefbot: ignored.
}

/**
 * Backpressure: within the bound the work runs; beyond it the interaction still gets its answer, the
 * short ephemeral "busy, try again in a moment" (an interaction left unanswered shows as failed).
 */
async function admitted(
  interaction:
    | ChatInputCommandInteraction
    | ButtonInteraction
    | MessageContextMenuCommandInteraction
    | ModalSubmitInteraction,
  services: Services,
  work: () => Promise<void>,
): Promise<void> {
  const slot = services.admission.enter();
  try {
    if (slot.kind === 'run') await work();
    else await deliver(interaction, notice(t(langFromLocale(interaction.locale) ?? 'en').data.busy));
  } finally {
    slot.release();
  }
}

async function apologize(interaction: Interaction, errorId: string, log: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const lang = langFromLocale(interaction.locale) ?? 'en';
    await deliver(interaction, notice(t(lang).errors.apology(errorId)));
  } catch (error) {
    log.warn({ err: error, errorId }, 'could not send the apology');
  }
}

function describe(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    type: interaction.type,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isButton() ? { customId: interaction.customId } : {}),
  };
}
