import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { askQuestion, MAX_QUESTION_LENGTH } from '../../../services/pipeline.js';
import type { Services } from '../../../services/types.js';
import { shareButton } from '../buttons.js';
import { en, fr, messages } from '../messages.js';
import { type DiscordMessage, notice, renderResult } from '../render.js';
import { askerOf, langOf } from './types.js';

/** A message context-menu command: right-click a message → Apps → its name. */
export interface MessageCommand {
  name: string;
  data(): RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, services: Services): Promise<DiscordMessage>;
}

/**
 * "Ask briefbot" on any message: answers the message's text as a question, privately to the person
 * who clicked, with a "Share in channel" button. (Discord includes the target message's content in
 * the interaction, so this needs no Message Content intent.)
 */
export const askMessage: MessageCommand = {
  name: en.askMessage,
  data: () =>
    new ContextMenuCommandBuilder()
      .setName(en.askMessage)
      .setNameLocalizations({ fr: fr.askMessage })
      .setType(ApplicationCommandType.Message)
      .toJSON(),

  async execute(interaction, services) {
    const target = interaction.targetMessage;
    const question = (target.content ?? '').trim().slice(0, MAX_QUESTION_LENGTH);
    const lang = langOf(interaction, question);
    if (question === '') return notice(messages[lang].nothingToAsk);
    const result = await askQuestion(services, askerOf(interaction), question);
    const msg = renderResult(result, { private: true, question });
    if (!result.reply.answered || result.limited) return msg;
    const share = shareButton(
      target.channelId,
      target.id,
      messages[result.reply.lang].share,
      result.reply.lang,
    );
    return { ...msg, components: [...msg.components.slice(0, 4), { type: 1, components: [share] }] };
  },
};
