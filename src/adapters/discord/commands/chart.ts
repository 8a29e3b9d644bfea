import { SlashCommandBuilder } from 'discord.js';
import { CHART_KINDS, chartId } from '../../../core/charts/attach.js';
import type { ChartKind } from '../../../core/charts/spec.js';
import { runLimited } from '../../../services/pipeline.js';
import { en as enMessages, fr as frMessages, localize } from '../messages.js';
import { renderResult } from '../render.js';
import { askerOf, langOf, type SlashCommand } from './types.js';

/** /chart kind:<market|cost|training> — the chart alone, with its one-line answer. */
export const chart: SlashCommand = {
  name: 'chart',
  data: () =>
    localize(new SlashCommandBuilder(), (m) => m.chart)
      .addStringOption((o) =>
        localize(o, (m) => m.chart.kind)
          .setRequired(true)
          .addChoices(
            ...CHART_KINDS.map((kind) => ({
              name: enMessages.chart.kinds[kind],
              name_localizations: { fr: frMessages.chart.kinds[kind] },
              value: kind,
            })),
          ),
      )
      .toJSON(),

  async execute(interaction, services) {
    const raw = interaction.options.getString('kind', true);
    const kind: ChartKind = (CHART_KINDS as readonly string[]).includes(raw) ? (raw as ChartKind) : 'market';
    const lang = langOf(interaction);
    const result = await runLimited(services, askerOf(interaction), lang, (engine) =>
      engine.answerEntry(chartId(kind), lang),
    );
    return renderResult(result);
  },
};
