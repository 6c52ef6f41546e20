#!/usr/bin/env node
// Entry point of the `centinela` command. The TypeScript is compiled by `npm run build` (run by `npm install`).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('centinela: not built yet; run `npm run build` in the repository root\n');
  process.exit(1);
}
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv);
