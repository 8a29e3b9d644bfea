import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { askQuestion, MAX_QUESTION_LENGTH } from '../../../services/pipeline.js';
import { askConversation } from '../conversation.js';
import { localize } from '../messages.js';
import { renderResult } from '../render.js';
import { cut, LIMITS } from '../text.js';
import { askerOf, langOf, type SlashCommand } from './types.js';

const isPrivate = (interaction: ChatInputCommandInteraction) =>
  interaction.options.getBoolean('private') === true;

/** /ask question:<text> [private:<bool>] — with autocomplete from the knowledge base's questions. */
export const ask: SlashCommand = {
  name: 'ask',
  data: () =>
    localize(new SlashCommandBuilder(), (m) => m.ask)
      .addStringOption((o) =>
        localize(o, (m) => m.ask.question)
          .setRequired(true)
          .setAutocomplete(true)
          .setMaxLength(MAX_QUESTION_LENGTH),
      )
      .addBooleanOption((o) => localize(o, (m) => m.ask.private))
      .toJSON(),

  isPrivate,

  async execute(interaction, services) {
    const question = interaction.options.getString('question', true);
    const rule = services.policy().forChannel('discord', interaction.channelId);
    const asker = askerOf(interaction);
    // A channel limited to one language answers in it.
    if (rule.languages.length === 1) asker.locale = rule.languages[0] ?? null;
    // The same user's /ask in the same channel within a few minutes continues their conversation.
    const conversation = askConversation(interaction, interaction.user.id);
    const result = await askQuestion(services, asker, question, conversation);
    return renderResult(result, {
      private: isPrivate(interaction) || rule.visibility === 'private',
      question,
      followUp: interaction.user.id,
      escalate: rule.escalation !== undefined,
    });
  },

  async autocomplete(interaction, services) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'question') {
      await interaction.respond([]);
      return;
    }
    const typed = String(focused.value);
    const choices = services
      .engine()
      .complete(typed, langOf(interaction, typed), LIMITS.choices)
      .filter((c) => c.name.trim() !== '' && c.value.trim() !== '' && c.value.length <= LIMITS.choiceValue)
      .slice(0, LIMITS.choices)
      .map((c) => ({ name: cut(c.name, LIMITS.choiceName), value: c.value }));
    await interaction.respond(choices);
  },
};
