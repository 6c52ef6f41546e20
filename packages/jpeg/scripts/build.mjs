// Builds the JPEG fast path at install time. It needs a C compiler and libjpeg-turbo's headers
// (Debian: libjpeg62-turbo-dev). Without them the install still succeeds: sharp decodes JPEGs instead.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
// npm tells its scripts where its node-gyp is; run by hand, use the one shipped next to node.
const gyp = process.env.npm_config_node_gyp ?? path.join(path.dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
const [cmd, args] = [process.execPath, [gyp, 'rebuild']];
const result = spawnSync(cmd, args, { cwd: here, encoding: 'utf8', env: { npm_config_nodedir: '/usr', ...process.env } });
if (result.status === 0) {
  console.log('@centinela/jpeg: built the libjpeg-turbo fast path for JPEG decoding');
} else {
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error?.message ?? ''}`;
  const reason = output.split('\n').find((l) => /error[:!]/i.test(l)) ?? 'build failed';
  console.warn(`@centinela/jpeg: fast path not built (${reason.trim()}); sharp will decode JPEGs. On Debian: apt-get install libjpeg62-turbo-dev`);
}
