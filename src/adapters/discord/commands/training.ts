import { SlashCommandBuilder } from 'discord.js';
import { runLimited } from '../../../services/pipeline.js';
import { localize } from '../messages.js';
import { renderResult } from '../render.js';
import { askerOf, langOf, type SlashCommand } from './types.js';

/** /training [gpus] [hours] [price_per_gpu_hour] — defaults from the DeepSeek-V3 report. */
export const training: SlashCommand = {
  name: 'training',
  data: () =>
    localize(new SlashCommandBuilder(), (m) => m.training)
      .addIntegerOption((o) => localize(o, (m) => m.training.gpus).setMinValue(1))
      .addNumberOption((o) => localize(o, (m) => m.training.hours).setMinValue(0))
      .addNumberOption((o) => localize(o, (m) => m.training.price).setMinValue(0))
      .toJSON(),

  async execute(interaction, services) {
    const request = {
      gpus: interaction.options.getInteger('gpus'),
      hours: interaction.options.getNumber('hours'),
      pricePerGpuHour: interaction.options.getNumber('price_per_gpu_hour'),
    };
    const lang = langOf(interaction);
    const result = await runLimited(services, askerOf(interaction), lang, (engine) =>
      engine.training(request, lang),
    );
    return renderResult(result);
  },
};
