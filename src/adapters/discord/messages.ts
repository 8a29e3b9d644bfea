import type { Lang } from '../../core/lang.js';

/**
 * Discord-only user-facing texts: command and option names and descriptions (names ≤ 32 lowercase
 * characters, descriptions ≤ 100), choice labels and a few notices. Shared texts come from `t(lang)`.
 */

interface Named {
  name: string;
  description: string;
}

export const en = {
  ask: {
    name: 'ask',
    description: 'Ask a question about the January 2025 DeepSeek shock',
    question: { name: 'question', description: 'Your question, in English or French' },
    private: { name: 'private', description: 'Show the answer to you only' },
  },
  cost: {
    name: 'cost',
    description: 'What a number of tokens costs on DeepSeek and OpenAI models',
    tokens: { name: 'tokens', description: 'How many tokens: 10M, 2.5 million, 500k, or 1M in, 200k out' },
    model: { name: 'model', description: 'One model (all models when left empty)' },
    direction: { name: 'direction', description: 'Price the tokens as input, output, or both' },
    directions: { input: 'input (cache miss)', output: 'output', both: 'both' },
  },
  training: {
    name: 'training',
    description: 'Estimate a training cost (defaults from the DeepSeek-V3 report)',
    gpus: { name: 'gpus', description: 'Number of GPUs (default 2,048)' },
    hours: {
      name: 'hours',
      description: 'Hours per GPU (default: the report’s 2.788M GPU-hours shared by the GPUs)',
    },
    price: {
      name: 'price_per_gpu_hour',
      description: 'Rental price of one GPU-hour in dollars (default $2)',
    },
  },
  facts: {
    name: 'facts',
    description: 'The topics briefbot knows, or the facts of one topic',
    topic: { name: 'topic', description: 'A topic (the list of topics when left empty)' },
  },
  about: {
    name: 'about',
    description: 'What briefbot knows, its sources, and how to report a wrong answer',
  },
  chart: {
    name: 'chart',
    description: 'A chart: the market reaction, API costs, or V3 training cost',
    kind: { name: 'kind', description: 'Which chart' },
    kinds: {
      market: 'Market reaction, 27 January 2025',
      cost: 'API cost per model',
      training: 'V3 training cost',
    },
  },
  staleButton: 'This button no longer works. Ask the question again with /ask.',
  youAsked: 'You asked',
  /** The message context-menu command (≤ 32 characters, spaces and capitals allowed). */
  askMessage: 'Ask briefbot',
  share: 'Share in channel',
  sharedFrom: (link: string) => `Answer to ${link}`,
  nothingToAsk: 'That message has no text I can read as a question.',
  alreadyVoted: 'You already voted on this answer. Thanks!',
  /** /about's overview (the same as Slack's App Home). */
  howTitle: 'How to ask me',
  how: [
    '• `/ask` followed by your question (`private` shows the answer only to you); `/cost`, `/training`, `/chart`, `/facts`.',
    '• Right-click a message → Apps → **Ask briefbot** to answer it privately.',
    '• **Follow up** under an answer, or `/ask` again within a few minutes: "and on o1?", "why?", "source?".',
  ].join('\n'),
  examplesTitle: (topic: string) => `${topic} — try`,
};

export type DiscordMessages = typeof en;

export const fr: DiscordMessages = {
  ask: {
    name: 'demander',
    description: 'Poser une question sur le choc DeepSeek de janvier 2025',
    question: { name: 'question', description: 'Votre question, en français ou en anglais' },
    private: { name: 'privé', description: 'Afficher la réponse pour vous seul' },
  },
  cost: {
    name: 'coût',
    description: 'Ce que coûte un nombre de tokens sur les modèles de DeepSeek et d’OpenAI',
    tokens: {
      name: 'tokens',
      description: 'Combien de tokens : 10M, 2,5 millions, 500k, ou 1M en entrée, 200k en sortie',
    },
    model: { name: 'modèle', description: 'Un seul modèle (tous les modèles si vide)' },
    direction: { name: 'sens', description: 'Compter les tokens en entrée, en sortie, ou les deux' },
    directions: { input: 'entrée (hors cache)', output: 'sortie', both: 'les deux' },
  },
  training: {
    name: 'entraînement',
    description: 'Estimer un coût d’entraînement (valeurs par défaut du rapport DeepSeek-V3)',
    gpus: { name: 'gpu', description: 'Nombre de GPU (2 048 par défaut)' },
    hours: {
      name: 'heures',
      description: 'Heures par GPU (par défaut : les 2,788 M d’heures-GPU du rapport réparties)',
    },
    price: {
      name: 'prix_heure_gpu',
      description: 'Prix de location d’une heure-GPU en dollars (2 $ par défaut)',
    },
  },
  facts: {
    name: 'faits',
    description: 'Les sujets que connaît briefbot, ou les faits d’un sujet',
    topic: { name: 'sujet', description: 'Un sujet (la liste des sujets si vide)' },
  },
  about: {
    name: 'à-propos',
    description: 'Ce que sait briefbot, ses sources, et comment signaler une réponse fausse',
  },
  chart: {
    name: 'graphique',
    description: 'Un graphique : réaction des marchés, coût des API ou coût d’entraînement de V3',
    kind: { name: 'type', description: 'Quel graphique' },
    kinds: {
      market: 'Réaction des marchés, 27 janvier 2025',
      cost: 'Coût des API par modèle',
      training: 'Coût d’entraînement de V3',
    },
  },
  staleButton: 'Ce bouton ne fonctionne plus. Reposez la question avec /demander.',
  youAsked: 'Votre question',
  askMessage: 'Demander à briefbot',
  share: 'Partager dans le salon',
  sharedFrom: (link: string) => `Réponse à ${link}`,
  nothingToAsk: 'Ce message n’a pas de texte que je puisse lire comme une question.',
  alreadyVoted: 'Vous avez déjà voté pour cette réponse. Merci !',
  howTitle: 'Comment me poser une question',
  how: [
    '• `/demander` suivi de votre question (`privé` n’affiche la réponse qu’à vous) ; `/coût`, `/entraînement`, `/graphique`, `/faits`.',
    '• Clic droit sur un message → Applications → **Demander à briefbot** pour y répondre en privé.',
    '• **Poursuivre** sous une réponse, ou `/demander` à nouveau dans les minutes qui suivent : « et sur o1 ? », « pourquoi ? », « source ? ».',
  ].join('\n'),
  examplesTitle: (topic: string) => `${topic} — essayez`,
};

export const messages: Record<Lang, DiscordMessages> = { en, fr };

/** Sets a builder's name and description in English with their French localizations. */
export function localize<T extends NamedBuilder>(builder: T, pick: (m: DiscordMessages) => Named): T {
  const e = pick(en);
  const f = pick(fr);
  builder.setName(e.name);
  builder.setDescription(e.description);
  builder.setNameLocalizations({ fr: f.name });
  builder.setDescriptionLocalizations({ fr: f.description });
  return builder;
}

interface NamedBuilder {
  setName(name: string): unknown;
  setDescription(description: string): unknown;
  setNameLocalizations(map: Record<string, string>): unknown;
  setDescriptionLocalizations(map: Record<string, string>): unknown;
}
