import { SlashCommandBuilder } from 'discord.js';
import type { Direction } from '../../../core/engine-types.js';
import { runLimited } from '../../../services/pipeline.js';
import { en, fr, localize } from '../messages.js';
import { renderResult } from '../render.js';
import { cut, LIMITS } from '../text.js';
import { askerOf, langOf, type SlashCommand } from './types.js';

const DIRECTIONS: readonly Direction[] = ['input', 'output', 'both'];
const MAX_TOKENS_TEXT = 100;

/** /cost tokens:<text> [model:<choice>] [direction:input|output|both] — model choices from prices.yaml. */
export const cost: SlashCommand = {
  name: 'cost',
  data: (engine) =>
    localize(new SlashCommandBuilder(), (m) => m.cost)
      .addStringOption((o) =>
        localize(o, (m) => m.cost.tokens)
          .setRequired(true)
          .setMaxLength(MAX_TOKENS_TEXT),
      )
      .addStringOption((o) =>
        localize(o, (m) => m.cost.model).addChoices(
          ...engine
            .models()
            .slice(0, LIMITS.choices)
            .map((model) => ({ name: cut(model.name, LIMITS.choiceName), value: model.id })),
        ),
      )
      .addStringOption((o) =>
        localize(o, (m) => m.cost.direction).addChoices(
          ...DIRECTIONS.map((d) => ({
            name: en.cost.directions[d],
            name_localizations: { fr: fr.cost.directions[d] },
            value: d,
          })),
        ),
      )
      .toJSON(),

  async execute(interaction, services) {
    const tokens = interaction.options.getString('tokens', true);
    const model = interaction.options.getString('model');
    const picked = interaction.options.getString('direction');
    const direction = DIRECTIONS.find((d) => d === picked) ?? null;
    const lang = langOf(interaction, tokens);
    const result = await runLimited(services, askerOf(interaction), lang, (engine) =>
      engine.cost({ tokens, model, direction }, lang),
    );
    return renderResult(result);
  },
};
