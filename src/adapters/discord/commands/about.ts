import { SlashCommandBuilder } from 'discord.js';
import { runLimited } from '../../../services/pipeline.js';
import { localize } from '../messages.js';
import { renderResult } from '../render.js';
import { askerOf, langOf, type SlashCommand } from './types.js';

/** /about — what briefbot knows, its sources, how to report a wrong answer. */
export const about: SlashCommand = {
  name: 'about',
  data: () => localize(new SlashCommandBuilder(), (m) => m.about).toJSON(),

  async execute(interaction, services) {
    const lang = langOf(interaction);
    const result = await runLimited(services, askerOf(interaction), lang, (engine) => engine.about(lang));
    return renderResult(result);
  },
};
