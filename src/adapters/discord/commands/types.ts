import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Engine } from '../../../core/engine-types.js';
import { chooseLang, type Lang } from '../../../core/lang.js';
import type { Asker } from '../../../services/pipeline.js';
import type { Services } from '../../../services/types.js';
import type { DiscordMessage } from '../render.js';

/** One slash command: its registration JSON, its handler, and optionally its autocomplete. */
export interface SlashCommand {
  name: string;
  /** Registration JSON (English, with French localizations). Choices come from the knowledge, hence the engine. */
  data(engine: Engine): RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Reads the options, asks the engine through the pipeline, returns the rendered answer. */
  execute(interaction: ChatInputCommandInteraction, services: Services): Promise<DiscordMessage>;
  /** True when the answer will be ephemeral whatever it is (used if the reply has to be deferred). */
  isPrivate?(interaction: ChatInputCommandInteraction): boolean;
  /** Answers an autocomplete request at once (it cannot be deferred). */
  autocomplete?(interaction: AutocompleteInteraction, services: Services): Promise<void>;
}

/** Who is asking, for the pipeline (rate limit, logs). */
export function askerOf(interaction: { user: { id: string }; locale: string }): Asker {
  return { platform: 'discord', userId: interaction.user.id, locale: interaction.locale };
}

/** The reply language: the user's Discord locale when English or French, then the text, then English. */
export function langOf(interaction: { locale: string }, text = ''): Lang {
  return chooseLang(text, interaction.locale);
}
