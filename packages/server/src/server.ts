import type { FastifyBaseLogger } from 'fastify';
import { buildApp, loggerOptions } from './api/app.js';
import type { ApiApp } from './api/context.js';
import type { Config } from './config/config.js';
import { seedDemo } from './demo/seedDemo.js';
import type { RunningWorker } from './jobs/queue.js';
import { WORKER_ROLES } from './jobs/queue.js';
import { startMaintenanceSchedule } from './jobs/schedule.js';
import { openRuntime, VERSION, WEB_DIST, type Runtime } from './runtime.js';
import { ensureFirstAdmin } from './services/bootstrapService.js';
import { currentAnalysisVersion, queueAnalysis } from './services/itemAnalysis.js';

export interface StartedServer {
  app: ApiApp;
  runtime: Runtime;
  url: string;
  worker: RunningWorker | null;
  stop(): Promise<void>;
}

export interface ServeOptions {
  demo?: boolean;
  /** Run the job worker in this process; the default on SQLite. */
  inProcessWorker?: boolean;
  /** Where to print the one-time sign-in details (stdout by default). */
  print?: (line: string) => void;
}

/** Migrates, creates the first admin, optionally seeds the demo, and listens. */
export async function startServer(config: Config, opts: ServeOptions = {}): Promise<StartedServer> {
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const runtime = await openRuntime(config);
  const app = await buildApp(
    { config, deps: runtime.deps, dialect: runtime.database.dialect, blobs: runtime.blobs, queue: runtime.queue, webDist: WEB_DIST, version: VERSION },
    { logger: loggerOptions(config.logLevel) },
  );
  const log: FastifyBaseLogger = app.log;
  if (runtime.masterKey.source === 'keyfile-created') {
    log.warn({ keyFile: runtime.masterKey.keyFile }, 'CENTINELA_SECRET_KEY is not set: created a key file (mode 0600). Back it up: without it encrypted data cannot be read.');
  }

  const admin = await ensureFirstAdmin(runtime.deps);
  const demo = opts.demo ? await seedDemo(runtime.deps) : { seeded: false, accounts: [], itemsToAnalyse: [] };
  await queueAnalysis(runtime.queue, demo.itemsToAnalyse, currentAnalysisVersion(runtime.deps));

  let worker: RunningWorker | null = null;
  let stopSchedule = () => {};
  if (opts.inProcessWorker ?? runtime.database.dialect === 'sqlite') {
    worker = await runtime.queue.startWorker({ roles: WORKER_ROLES });
    stopSchedule = startMaintenanceSchedule(runtime.queue, () => runtime.deps.clock.now(), (err) => log.error({ err }, 'could not schedule maintenance'));
  }

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;

  print(`Centinela ${VERSION} is running at ${url} (database: ${runtime.database.dialect})`);
  if (admin.created) {
    print(`First administrator: ${admin.email}`);
    if (admin.generatedPassword) print(`Password (shown only this once, change it after signing in): ${admin.generatedPassword}`);
  }
  if (demo.seeded) {
    print('Demo accounts (invented people; shown only this once):');
    for (const a of demo.accounts) print(`  ${a.email}  ${a.roles.join(',')}  ${a.password}`);
  }

  const stop = async () => {
    stopSchedule();
    await app.close();
    await worker?.stop();
    await runtime.close();
  };
  return { app, runtime, url, worker, stop };
}
