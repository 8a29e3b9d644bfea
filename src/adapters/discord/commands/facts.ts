import { SlashCommandBuilder } from 'discord.js';
import { fold } from '../../../core/normalize.js';
import { runLimited } from '../../../services/pipeline.js';
import { localize } from '../messages.js';
import { renderResult } from '../render.js';
import { cut, LIMITS } from '../text.js';
import { askerOf, langOf, type SlashCommand } from './types.js';

/** /facts [topic:<autocomplete>] — the topics, or the facts of one topic (topics from the loaded knowledge). */
export const facts: SlashCommand = {
  name: 'facts',
  data: () =>
    localize(new SlashCommandBuilder(), (m) => m.facts)
      // Autocomplete from the loaded knowledge: a hot-reloaded topic shows at once.
      .addStringOption((o) =>
        localize(o, (m) => m.facts.topic)
          .setAutocomplete(true)
          .setMaxLength(100),
      )
      .toJSON(),

  async execute(interaction, services) {
    const topic = interaction.options.getString('topic');
    const lang = langOf(interaction);
    const result = await runLimited(services, askerOf(interaction), lang, (engine) =>
      engine.facts(topic, lang),
    );
    return renderResult(result);
  },

  async autocomplete(interaction, services) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'topic') {
      await interaction.respond([]);
      return;
    }
    const lang = langOf(interaction);
    const typed = fold(String(focused.value));
    const choices = services
      .engine()
      .topics()
      .filter(
        (topic) => typed === '' || fold(`${topic.id} ${topic.name.en} ${topic.name.fr}`).includes(typed),
      )
      .slice(0, LIMITS.choices)
      .map((topic) => ({
        name: cut(topic.name[lang], LIMITS.choiceName),
        value: cut(topic.id, LIMITS.choiceValue),
      }));
    await interaction.respond(choices);
  },
};
