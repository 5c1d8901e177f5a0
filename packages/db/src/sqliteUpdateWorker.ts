// The worker thread of SqliteUpdateThread: its own connection to the database file, which
// commits batches of update rows. Runs as plain Node (type stripping), outside any bundler.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

interface Batch {
  id: number;
  rows: { journeyId: string; update: Uint8Array }[];
  at: number;
}

const sqlite = new BetterSqlite3((workerData as { file: string }).file, { fileMustExist: true });
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = FULL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 5000');
const insert = sqlite.prepare('insert into journey_updates (journey_id, data, created_at) values (?, ?, ?)');
const insertAll = sqlite.transaction((batch: Batch) => {
  for (const row of batch.rows) insert.run(row.journeyId, row.update, batch.at);
});

parentPort!.on('message', (batch: Batch | 'close') => {
  if (batch === 'close') {
    sqlite.close();
    parentPort!.close();
    return;
  }
  try {
    insertAll(batch);
    parentPort!.postMessage({ id: batch.id });
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: (error as Error).message });
  }
});
