import { fold } from './normalize.js';

/** Recognizes what a free-text question asks for before the knowledge search: commands and secrets (calculations: cost/). */

export type Command = 'help' | 'topics' | 'about';

const SECRETS =
  /\b(passwords?|passwd|mot de passe|mots de passe|mdp|credentials?|identifiants?|api[ -]?keys?|cles? (?:d )?api|(?:your|ton|tes|votre|vos|client|signing|app|bot|slack|discord) secrets?|secrets? (?:keys?|tokens?|du bot|of the bot)|private key|cle privee|(?:bot|discord|slack|access|auth) token|token (?:du|de|of the) (?:bot|discord|slack)|ssh|login|logins)\b/;

/** Questions after passwords, keys or tokens of any kind: always refused, never matched to a fact. */
export function asksForSecret(text: string): boolean {
  return SECRETS.test(fold(text));
}

const COMMANDS: Record<string, Command> = {
  help: 'help',
  aide: 'help',
  '?': 'help',
  'help me': 'help',
  'aide moi': 'help',
  commands: 'help',
  commandes: 'help',
  topics: 'topics',
  topic: 'topics',
  sujets: 'topics',
  sujet: 'topics',
  themes: 'topics',
  'list topics': 'topics',
  'liste des sujets': 'topics',
  facts: 'topics',
  faits: 'topics',
  about: 'about',
  'a propos': 'about',
  apropos: 'about',
  sources: 'about',
};

export function detectCommand(text: string): Command | undefined {
  const key = text.trim() === '?' ? '?' : fold(text).replace(/^\/+/, '');
  return COMMANDS[key];
}
