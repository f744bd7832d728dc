import { once } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A worker thread that increments `counter` through its own connection, retrying conflicts. */
const INCREMENT_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const { openSqliteDatabase } = require(workerData.databaseModule);
const { SqliteStorage } = require(workerData.storageModule);
(async () => {
  const db = openSqliteDatabase({ file: workerData.file });
  const storage = new SqliteStorage(db);
  const start = new Int32Array(workerData.start);
  parentPort.postMessage('ready');
  Atomics.wait(start, 0, 0);
  let conflicts = 0;
  for (let done = 0; done < workerData.increments; ) {
    const item = (await storage.read(['counter'])).counter;
    try {
      await storage.write({ counter: { count: (item ? item.count : 0) + 1, eTag: item ? item.eTag : 'absent' } });
      done += 1;
    } catch (error) {
      if (error.code !== 'STORAGE_CONFLICT') throw error;
      conflicts += 1;
    }
  }
  db.close();
  parentPort.postMessage(conflicts);
})();
`;

/** Runs the workers' increments at the same moment; resolves with each worker's conflicts. */
export async function runIncrementWorkers(file: string, workers: number, increments: number) {
  const start = new SharedArrayBuffer(4);
  const running = Array.from({ length: workers }, () =>
    startIncrementWorker(file, start, increments),
  );
  await Promise.all(running.map((worker) => worker.ready));
  Atomics.store(new Int32Array(start), 0, 1);
  Atomics.notify(new Int32Array(start), 0);
  return Promise.all(running.map((worker) => worker.conflicts));
}

function startIncrementWorker(file: string, start: SharedArrayBuffer, increments: number) {
  const worker = new Worker(INCREMENT_WORKER, {
    eval: true,
    workerData: {
      file,
      start,
      increments,
      databaseModule: join(__dirname, '../../../bot/storage/sqliteDatabase.js'),
      storageModule: join(__dirname, '../../../bot/storage/sqliteStorage.js'),
    },
  });
  const ready = once(worker, 'message');
  const conflicts = ready.then(() => once(worker, 'message'));
  return { ready, conflicts: conflicts.then(([count]) => count as number) };
}
