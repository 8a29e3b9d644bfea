import { SlashCommandBuilder } from 'discord.js';
import { runLimited } from '../../../services/pipeline.js';
import { localize } from '../messages.js';
import { renderResult } from '../render.js';
import { cut, LIMITS } from '../text.js';
import { askerOf, langOf, type SlashCommand } from './types.js';

/** /facts [topic:<choice>] — the topics, or the facts of one topic. */
export const facts: SlashCommand = {
  name: 'facts',
  data: (engine) =>
    localize(new SlashCommandBuilder(), (m) => m.facts)
      .addStringOption((o) =>
        localize(o, (m) => m.facts.topic).addChoices(
          ...engine
            .topics()
            .slice(0, LIMITS.choices)
            .map((topic) => ({
              name: cut(topic.name.en, LIMITS.choiceName),
              name_localizations: { fr: cut(topic.name.fr, LIMITS.choiceName) },
              value: topic.id,
            })),
        ),
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
};
