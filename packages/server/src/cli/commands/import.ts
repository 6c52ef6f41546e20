import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ITEM_SOURCES, type ItemSource } from '../../db/schema/item.js';
import { importItems } from '../../import/importItems.js';
import { csvRecords, ImportFormatError, jsonLinesRecords, parseMapping, type ColumnMapping } from '../../import/itemRecords.js';
import { cliActor } from '../../services/deps.js';
import { CliFailure, printJson } from '../output.js';
import { parseRegion } from './textInput.js';
import { withRuntime } from '../runtime.js';

interface ImportCliOptions {
  format?: string;
  map?: string;
  source?: string;
  region?: string;
}

function formatOf(file: string, given: string | undefined): 'jsonl' | 'csv' {
  if (given !== undefined) {
    if (given !== 'jsonl' && given !== 'csv') throw new CliFailure('--format must be jsonl or csv', 2);
    return given;
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  throw new CliFailure(`${file}: cannot tell the format from the extension; pass --format jsonl or --format csv`, 2);
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import items from JSON Lines or CSV (with a header row), streaming; each bad line is reported on stderr by its number and the rest is imported (exit code 1 when any was bad). Idempotent: importing again changes nothing. Prints the counts.',
    )
    .argument('<file>', '.jsonl/.ndjson or .csv file')
    .option('--format <format>', 'jsonl or csv (default: from the extension)')
    .option('--map <pairs>', 'CSV columns for item fields, e.g. title=Titulo,text=Descripcion,url=Enlace,postedAt=Fecha')
    .option('--source <source>', `source of every item: ${ITEM_SOURCES.join(', ')} (default: each entry's own, else import)`)
    .option('--region <CC>', 'phone region for items that name none, e.g. CO', parseRegion)
    .action(async (file: string, opts: ImportCliOptions) => {
      const format = formatOf(file, opts.format);
      if (opts.source !== undefined && !(ITEM_SOURCES as readonly string[]).includes(opts.source)) {
        throw new CliFailure(`--source must be one of ${ITEM_SOURCES.join(', ')}`, 2);
      }
      if (opts.map !== undefined && format !== 'csv') throw new CliFailure('--map applies to CSV files only', 2);
      let mapping: ColumnMapping = {};
      try {
        if (opts.map !== undefined) mapping = parseMapping(opts.map);
      } catch (err) {
        if (err instanceof ImportFormatError) throw new CliFailure(err.message, 2);
        throw err;
      }
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw new CliFailure(`${file}: no such file`, 2);

      await withRuntime(async (runtime) => {
        // Decoding as UTF-8 replaces invalid bytes with U+FFFD; the stream is read chunk by chunk, never whole.
        const chunks = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
        const records = format === 'csv' ? csvRecords(chunks, mapping) : jsonLinesRecords(chunks);
        const totals = await importItems(runtime.deps, runtime.queue, cliActor, records, {
          source: opts.source as ItemSource | undefined,
          region: opts.region,
          onInvalid: (line, reason) => process.stderr.write(`${file}:${line}: ${reason}\n`),
        }).catch((err: unknown) => {
          // The header check throws before any record: a one-line reason, nothing imported.
          if (err instanceof ImportFormatError) throw new CliFailure(`${file}: ${err.message}`, 2);
          throw err;
        });
        printJson({ file, format, ...totals });
        if (totals.invalid > 0) throw new CliFailure(`${totals.invalid} of ${totals.read} entries were not imported (see the lines above)`, 1);
      });
    });
}
