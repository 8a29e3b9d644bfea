import type { Messages } from './en.js';

/** Tous les textes montrés en français. */
export const fr: Messages = {
  appName: 'briefbot',
  colon: ' : ',
  help: {
    title: 'Ce que je sais répondre',
    body:
      'Je réponds aux questions sur le « choc DeepSeek » de janvier 2025 : DeepSeek et son fondateur, les modèles ' +
      'R1 et V3, le coût d’entraînement de V3, la chute des marchés et la perte record de Nvidia, les prix des API ' +
      'face à o1 d’OpenAI, les contrôles à l’exportation et l’application. Posez vos questions en français ou en anglais.',
    examples: 'Exemples',
    exampleList: [
      'Combien Nvidia a-t-elle perdu le 27 janvier ?',
      'Sous quelle licence est publié DeepSeek-R1 ?',
      'Combien coûtent 2 millions de tokens avec o1 ?',
      'coût d’entraînement avec 4000 GPU',
    ],
    commands: 'Commandes : `help` (ou `aide`), `topics` (ou `sujets`), `quit` (console).',
  },
  topics: {
    title: 'Sujets',
    body: 'Posez une question sur l’un de ces sujets :',
    entries: (n: number) => `${n} faits`,
  },
  refusal: {
    title: 'Je ne sais pas répondre à cela',
    body: 'Je ne réponds qu’aux questions sur le choc DeepSeek de janvier 2025, et je n’ai rien trouvé sur ce point.',
    didYouMean: 'Vouliez-vous dire',
    topicsIntro: 'Ce que je sais répondre :',
    empty: 'Posez-moi une question sur le choc DeepSeek de janvier 2025.',
  },
  fact: { confidence: 'Confiance', source: 'Source', related: 'Questions liées', article: 'Article source' },
  cost: {
    title: (amount: string) => `Coût de ${amount} tokens`,
    titleSplit: (input: string, output: string) => `Coût de ${input} tokens en entrée + ${output} en sortie`,
    directionInput: 'en entrée (hors cache)',
    directionOutput: 'en sortie',
    directionBoth: 'compté une fois en entrée et une fois en sortie',
    basis: (direction: string) => `Prix par million de tokens ; la quantité est comptée ${direction}.`,
    splitBasis: 'Prix par million de tokens : entrée au tarif hors cache, sortie au tarif de sortie.',
    ratio: (ratio: string, ref: string) => `${ratio} × ${ref}`,
    referenceSelf: 'référence',
    asOf: (date: string) => `prix au ${date}`,
    badAmount: (input: string) =>
      `Je n’ai pas compris « ${input} » comme un nombre de tokens. Essayez « 10M », « 2,5 millions », « 500k » ou « 1M en entrée, 200k en sortie ».`,
    negative: 'Un nombre de tokens doit être positif.',
    tooLarge: (max: string) => `C’est plus de tokens que je ne peux en chiffrer (la limite est ${max}).`,
    zero: 'Zéro token ne coûte rien. Donnez une quantité positive, comme « 10M ».',
    unknownModel: (name: string, models: string) =>
      `Je ne connais pas le modèle « ${name} ». Je connais : ${models}.`,
    usageTitle: 'Calculateur de coût en tokens',
  },
  training: {
    title: 'Estimation du coût d’entraînement',
    formula: (gpus: string, hours: string, price: string, total: string) =>
      `${gpus} heures-GPU à ${price} l’heure-GPU = ${total}. (Grappe de ${hours} GPU.)`,
    gpus: 'GPU',
    gpuHours: 'Heures-GPU',
    hoursPerGpu: 'Heures par GPU',
    pricePerHour: 'Prix de l’heure-GPU',
    total: 'Total',
    defaultsNote: (report: string) =>
      `Valeurs par défaut tirées du ${report} : 2 048 GPU H800, 2,788 millions d’heures-GPU à 2 $ → 5,576 millions de dollars. Ce chiffre exclut la recherche et les expériences préalables.`,
    bad: (name: string) => `${name} doit être un nombre positif.`,
    tooLarge: (name: string) => `${name} est trop grand pour être calculé.`,
  },
  facts: {
    title: (topic: string) => `Faits : ${topic}`,
    unknownTopic: (t: string) => `Je n’ai pas de sujet « ${t} ».`,
  },
  about: {
    title: 'À propos de briefbot',
    body:
      'briefbot répond aux questions sur le choc DeepSeek de janvier 2025, à partir d’un article de presse français ' +
      'vérifié contre une fiche de faits sourcée (Reuters, rapports techniques et pages de prix de DeepSeek, fiche du ' +
      'modèle R1). Quand l’article arrondit ou se trompe, la réponse donne les deux chiffres.',
    sources: 'Sources',
    report: 'Signalez une réponse fausse avec 👎 sous la réponse, ou prévenez l’équipe qui gère ce bot.',
    facts: (n: string, topics: string) => `${n} faits répartis en ${topics} sujets.`,
  },
  home: {
    title: 'briefbot',
    intro:
      'Je réponds aux questions sur le « choc DeepSeek » de janvier 2025, en français et en anglais, en citant mes sources.',
    topicsTitle: 'Ce que je sais',
    examples: 'Essayez :',
    howTitle: 'Comment me poser une question',
    how: [
      '• Mentionnez-moi dans un canal : je réponds dans un fil.',
      '• Envoyez-moi un message direct.',
      '• Utilisez `/ask` suivi de votre question (`/ask privé …` n’affiche la réponse qu’à vous).',
      '• Répondez dans mon fil pour enchaîner (« et sur o1 ? », « pourquoi ? », « source ? ») : pas besoin de me mentionner à nouveau.',
    ],
    answerTitle: 'Votre question',
    adminTitle: (days: number) => `${days} derniers jours (administrateurs)`,
    questions: 'Questions',
    answeredShare: 'Répondues',
    topUnanswered: 'Les plus posées sans réponse',
    downvotes: '👎 par fiche',
    none: 'Rien pour l’instant.',
    perInstance: 'Compté par cette instance depuis son démarrage.',
    language: 'English',
  },
  escalation: {
    button: 'Demander à une personne',
    root: (who: string, question: string) =>
      `${who} a posé une question que briefbot n’a pas su régler : « ${question} »`,
    answered: (title: string) => `Réponse de briefbot : ${title}`,
    unanswered: 'briefbot n’avait pas de réponse.',
    downvoted: 'La réponse a été jugée pas utile.',
    link: (url: string) => `Message d’origine : ${url}`,
    done: 'J’ai transmis la question à l’équipe : une personne répondra dans le fil que j’ai ouvert.',
    already: 'Cette question a déjà été transmise à l’équipe.',
    unavailable: 'Personne n’est désigné pour répondre aux questions ici.',
  },
  limits: {
    rate: (perMinute: number) =>
      `Vous posez des questions plus vite que je ne peux suivre (${perMinute} questions par minute). Patientez un instant.`,
    tooLong: (max: number) => `Cette question est trop longue : gardez-la sous ${max} caractères.`,
    title: 'Un peu de patience',
    tooLongTitle: 'Question trop longue',
  },
  errors: {
    title: 'Une erreur est survenue',
    apology: (id: string) => `Désolé, une erreur s’est produite de mon côté. (identifiant : ${id})`,
    unknownCommand: 'Je ne connais pas cette commande.',
  },
  feedback: { thanks: 'Merci pour votre retour !', up: 'Utile', down: 'Pas utile' },
  /** Data area: backpressure and votes on answers that are gone. */
  data: {
    busyTitle: 'Un instant',
    busy: 'Je réponds à beaucoup de questions en ce moment. Réessayez dans un instant.',
    unavailable: 'Cette réponse n’est plus disponible. Posez la question à nouveau.',
  },
  conversation: {
    sourceTitle: 'Source',
    sourceIntro: (title: string) => `La réponse à « ${title} » vient de cette source.`,
    noSource: (title: string) =>
      `Je n’ai pas de source unique à citer pour « ${title} » : c’est calculé à partir des chiffres que je connais.`,
    detailsTitle: (title: string) => `${title} — en détail`,
    fromArticle: 'Dans l’article',
    nothingYetTitle: 'Posez-moi d’abord une question',
    nothingYet:
      'Posez-moi d’abord une question sur le choc DeepSeek ; je pourrai ensuite en donner la source, plus de détails, une réponse plus courte ou la même en anglais.',
    stopped: 'D’accord, je me tais dans ce fil. Mentionnez-moi pour me faire revenir.',
    fresh: 'Nouvelle conversation : les questions précédentes sont oubliées.',
    followUp: 'Question suivante',
    followUpTitle: 'Question de suivi',
    followUpLabel: 'Votre question suivante',
    followUpPlaceholder: 'et sur o1 ? · pourquoi ? · source ? · en bref ?',
    expired: 'Cette conversation a expiré. Reposez votre question avec /demander.',
  },
  glance: {
    quoteLabel: 'Article source (en français)',
    translation: 'En anglais',
    consoleExamples: (a: string, b: string) => `Essayez\u00a0: « ${a} » ou « ${b} ».`,
    consoleExampleList: [
      'De combien Nvidia et les autres ont-elles chuté ?',
      'how much would 10M tokens cost on o1?',
    ],
  },
  charts: {
    showAsChart: 'Voir en graphique',
    costTitle: (amount: string) => `Coût de ${amount}`,
    costAxis: 'Coût en dollars US',
    costCaption: (asOf: string, source: string) =>
      `Prix publics des API en ${asOf} (${source}) ; DeepSeek-R1 en évidence, rapports à R1.`,
    costAlt: (cheapest: string, dearest: string, ratio: string) =>
      `${cheapest} est le moins cher ; ${dearest} coûte ${ratio} fois plus que DeepSeek-R1.`,
    ratioToRef: (ratio: string) => `${ratio}\u00a0× R1`,
    reference: 'référence',
    input: 'Entrée',
    output: 'Sortie',
    marketAxis: 'Variation sur la séance',
    marketCaption: (date: string, sources: string) =>
      `Variations à la clôture du ${date}. ≈\u00a0approximatif, *\u00a0en séance (pas de cours de clôture). Sources\u00a0: ${sources}.`,
    marketAlt: (worst: string, nasdaq: string) =>
      `Plus forte baisse\u00a0: ${worst}\u00a0; le Nasdaq ${nasdaq}.`,
    intraday: 'en séance',
    trainingAxis: 'Coût en millions de dollars US',
    trainingCaption: (price: string, source: string, date: string) =>
      `${price} l’heure GPU H800 (location). Seul l’entraînement final\u00a0: hors recherche et ablations. ${source}, ${date}.`,
    trainingAlt: (top: string, share: string) => `${top}\u00a0: ${share} du coût.`,
    gpuHours: (hours: string) => `${hours}\u00a0h GPU`,
    tokens: (n: string) => `${n}\u00a0tokens`,
    tokensSplit: (input: string, output: string) => `${input}\u00a0tokens en entrée + ${output} en sortie`,
    unavailable: 'Ce graphique n’est pas disponible pour le moment.',
    marketAnswer: (worst: string, nvidia: string, nasdaq: string) =>
      `Le 27 janvier 2025, c’est ${worst} qui a le plus chuté\u00a0; Nvidia a fini à ${nvidia} et le Nasdaq à ${nasdaq}.`,
    trainingAnswer: (total: string) =>
      `L’entraînement final de DeepSeek-V3 a coûté ${total}, presque entièrement en pré-entraînement.`,
  },
};
