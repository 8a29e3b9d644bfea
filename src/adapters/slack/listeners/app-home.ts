import type { App, BlockButtonAction } from '@slack/bolt';
import type { Lang } from '../../../core/lang.js';
import type { Reply } from '../../../core/reply.js';
import type { Services } from '../../../services/index.js';
import { runLimited } from '../../../services/pipeline.js';
import { HOME_ACTION, renderHome } from '../home.js';
import type { Client } from '../post.js';
import { parseButtonValue } from '../render.js';

/** Languages chosen in the Home, remembered per user (bounded). */
const MAX_REMEMBERED = 5000;

export interface HomeSettings {
  /** Slack user ids who see the usage figures. */
  admins: ReadonlySet<string>;
}

/**
 * The App Home tab: published when a user opens it; its example-question buttons answer in the Home;
 * its language button switches it between English and French. Admins also see the last 7 days.
 */
export function register(app: App, services: Services, settings: HomeSettings): void {
  const log = services.logger.child({ listener: 'app_home' });
  const langs = new Map<string, Lang>();
  const remember = (user: string, lang: Lang) => {
    langs.delete(user);
    langs.set(user, lang);
    if (langs.size > MAX_REMEMBERED) langs.delete(langs.keys().next().value as string);
  };

  const publish = async (client: Client, user: string, lang: Lang, answer?: Reply) => {
    const usage = settings.admins.has(user) ? services.insights?.summary(7) : undefined;
    const view = renderHome(services.engine(), {
      lang,
      ...(answer ? { answer } : {}),
      ...(usage ? { usage } : {}),
    });
    await client.views.publish({ user_id: user, view });
  };

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await publish(client, event.user, langs.get(event.user) ?? 'en');
    } catch (err) {
      log.error({ err }, 'app home not published');
    }
  });

  app.action<BlockButtonAction>(HOME_ACTION.language, async ({ ack, body, action, client }) => {
    await ack();
    const lang: Lang = action.value === 'fr' ? 'fr' : 'en';
    remember(body.user.id, lang);
    try {
      await publish(client, body.user.id, lang);
    } catch (err) {
      log.error({ err }, 'app home not published');
    }
  });

  app.action<BlockButtonAction>(HOME_ACTION.questionPattern, async ({ ack, body, action, client }) => {
    await ack();
    const value = parseButtonValue(action.value);
    const user = body.user.id;
    const lang = value?.lang ?? langs.get(user) ?? 'en';
    try {
      if (!value) return await publish(client, user, lang);
      const result = await runLimited(
        services,
        { platform: 'slack', userId: user, locale: null },
        lang,
        (e) => e.answerEntry(value.entryId, value.lang),
      );
      await publish(client, user, lang, result.reply);
    } catch (err) {
      log.error({ err }, 'app home not published');
    }
  });
}
