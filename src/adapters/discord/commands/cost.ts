import { SlashCommandBuilder } from 'discord.js';
import type { Direction } from '../../../core/engine-types.js';
import { fold } from '../../../core/normalize.js';
import { runLimited } from '../../../services/pipeline.js';
import { en, fr, localize } from '../messages.js';
import { renderResult } from '../render.js';
import { cut, LIMITS } from '../text.js';
import { askerOf, langOf, type SlashCommand } from './types.js';

const DIRECTIONS: readonly Direction[] = ['input', 'output', 'both'];
const MAX_TOKENS_TEXT = 100;

/** /cost tokens:<text> [model:<autocomplete>] [direction:input|output|both] — models from the loaded prices.yaml. */
export const cost: SlashCommand = {
  name: 'cost',
  data: () =>
    localize(new SlashCommandBuilder(), (m) => m.cost)
      .addStringOption((o) =>
        localize(o, (m) => m.cost.tokens)
          .setRequired(true)
          .setMaxLength(MAX_TOKENS_TEXT),
      )
      // Autocomplete from the loaded price list: a hot-reloaded model shows at once, no re-registration.
      .addStringOption((o) =>
        localize(o, (m) => m.cost.model)
          .setAutocomplete(true)
          .setMaxLength(100),
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

  async autocomplete(interaction, services) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'model') {
      await interaction.respond([]);
      return;
    }
    const typed = fold(String(focused.value));
    const choices = services
      .engine()
      .models()
      .filter((model) => typed === '' || fold(`${model.id} ${model.name}`).includes(typed))
      .slice(0, LIMITS.choices)
      .map((model) => ({
        name: cut(model.name, LIMITS.choiceName),
        value: cut(model.id, LIMITS.choiceValue),
      }));
    await interaction.respond(choices);
  },
};
