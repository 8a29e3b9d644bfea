import type { Logger } from '../logger.js';
import { BatchedFeedbackStore, type RecordHooks } from './records.js';
import { DEFAULT_RETENTION, type Retention, SqliteRecords } from './sqlite-store.js';

export interface StoreConfig {
  dataDir: string;
  databaseUrl?: string;
  retention?: Retention;
}

/**
 * The records store of the running bot: SQLite under DATA_DIR by default (earlier JSON lines files
 * imported on open), PostgreSQL when DATABASE_URL is set. Throws with a clear message when the
 * database cannot be opened (start-up then fails instead of losing every record silently).
 */
export async function openRecordStore(
  config: StoreConfig,
  logger: Logger,
  hooks: RecordHooks = {},
): Promise<BatchedFeedbackStore> {
  const retention = config.retention ?? DEFAULT_RETENTION;
  if (config.databaseUrl) {
    // Loaded only when configured: the pg driver costs start-up time nobody else should pay.
    const { PgRecords } = await import('./pg-store.js');
    const backend = new PgRecords(config.databaseUrl, retention, logger);
    try {
      await backend.open();
    } catch (err) {
      await backend.close().catch(() => undefined);
      throw new Error(`DATABASE_URL: cannot use PostgreSQL (${(err as Error).message})`);
    }
    logger.info({ backend: 'postgres' }, 'records store opened');
    return new BatchedFeedbackStore(backend, { logger, hooks });
  }
  let backend: SqliteRecords;
  try {
    backend = new SqliteRecords(config.dataDir, retention, logger);
  } catch (err) {
    throw new Error(`DATA_DIR: cannot open the database in ${config.dataDir} (${(err as Error).message})`);
  }
  await backend
    .importLegacy()
    .catch((err: Error) =>
      logger.warn({ err: err.message }, 'earlier JSON lines records could not be imported'),
    );
  logger.info({ backend: 'sqlite', dir: config.dataDir }, 'records store opened');
  return new BatchedFeedbackStore(backend, { logger, hooks });
}
