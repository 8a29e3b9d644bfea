import { SlashCommandBuilder } from 'discord.js';
import { runLimited } from '../../../services/pipeline.js';
import { localize, messages } from '../messages.js';
import { renderResult } from '../render.js';
import { askerOf, langOf, type SlashCommand } from './types.js';

/** /about — what briefbot knows, its sources, how to report a wrong answer. */
export const about: SlashCommand = {
  name: 'about',
  data: () => localize(new SlashCommandBuilder(), (m) => m.about).toJSON(),

  async execute(interaction, services) {
    const lang = langOf(interaction);
    const result = await runLimited(services, askerOf(interaction), lang, (engine) => {
      const reply = engine.about(lang);
      // The same overview as Slack's App Home: each topic with example questions, and how to ask.
      const topics = engine.topics().map((topic) => ({
        label: messages[lang].examplesTitle(topic.name[lang]),
        value: engine
          .facts(topic.id, lang)
          .related.slice(0, 2)
          .map((q) => `• ${q.question}`)
          .join('\n'),
      }));
      return {
        ...reply,
        fields: [
          ...reply.fields,
          ...topics.filter((f) => f.value !== ''),
          { label: messages[lang].howTitle, value: messages[lang].how },
        ],
      };
    });
    return renderResult(result);
  },
};
