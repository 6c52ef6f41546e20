import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { startServer } from '../../server.js';
import { parseIntOption } from '../output.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the web server (migrates first; runs jobs in-process on SQLite)')
    .option('--port <port>', 'port to listen on (default PORT or 8080)', parseIntOption('--port', 0, 65535))
    .option('--host <host>', 'address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)')
    .option('--demo', 'seed invented demo data on first start')
    .option('--no-worker', 'do not run background jobs in this process')
    .action(async (opts: { port?: number; host?: string; demo?: boolean; worker: boolean }) => {
      const loaded = loadConfig();
      const config = { ...loaded, port: opts.port ?? loaded.port, host: opts.host ?? loaded.host };
      const server = await startServer(config, { demo: opts.demo ?? false, inProcessWorker: opts.worker ? undefined : false });
      await new Promise<void>((resolve) => {
        const shutdown = () => {
          server.app.log.info('shutting down');
          void server.stop().finally(resolve);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      });
    });
}
