import type { Command } from 'commander';
import { analyzeImageFile } from '../../media/hashImageFile.js';
import { checkSignal, SIGNAL_TYPES, type SignalType } from '../../services/bankFormats.js';
import { DbBankSource } from '../../services/bankSource.js';
import { getBankByName } from '../../services/bankService.js';
import { cliActor } from '../../services/deps.js';
import { auditMatch, Matcher, matchImages, MAX_THRESHOLD, type MatchOptions, type QueryResult } from '../../services/matchService.js';
import { CliFailure, parseIntOption, printJson } from '../output.js';
import { fileError, readLocalFile } from './files.js';
import { withRuntime } from '../runtime.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface MatchCliOptions {
  bank?: string[];
  hash?: string[];
  type?: string;
  threshold?: number;
  dihedral?: boolean;
}

export function registerMatchCommand(program: Command): void {
  program
    .command('match')
    .description('match image files or hashes against banks: one JSON line per query with its matches and distances')
    .argument('[files...]', 'image files (or use --hash)')
    .option('--bank <name>', 'bank to match against, required (repeat for several)', collect)
    .option('--hash <hex>', 'a hash to match instead of files (repeatable)', collect)
    .option('--type <type>', 'type of the --hash values: pdq, md5 or sha256 (default: by length, 64 = pdq)')
    .option('--threshold <n>', `PDQ distance, 0..${MAX_THRESHOLD} (default 31)`, parseIntOption('--threshold', 0, MAX_THRESHOLD))
    .option('--dihedral', 'also match rotations and flips')
    .action(async (files: string[], opts: MatchCliOptions) => {
      // Checked here rather than by commander, so the refusal is one line, not the help text.
      const banks = opts.bank ?? [];
      if (banks.length === 0) throw new CliFailure('--bank NAME is required', 2);
      const hashes = opts.hash ?? [];
      if ((files.length > 0) === (hashes.length > 0)) throw new CliFailure('give image files or --hash values (one of the two)', 2);
      if (opts.type !== undefined && !(SIGNAL_TYPES as readonly string[]).includes(opts.type)) throw new CliFailure('--type must be pdq, md5 or sha256', 2);
      const type = opts.type as SignalType | undefined;
      // Malformed input is refused before anything is opened.
      const queries = hashes.map((raw) => {
        const checked = checkSignal(raw, type);
        if ('error' in checked) throw new CliFailure(`--hash ${raw.slice(0, 80)}: ${checked.error}`, 2);
        return checked;
      });
      const matchOpts: MatchOptions = { banks, threshold: opts.threshold, dihedral: opts.dihedral === true };

      await withRuntime(async (runtime) => {
        for (const name of banks) await getBankByName(runtime.deps, name); // unknown bank: one clear line
        const matcher = new Matcher(new DbBankSource(runtime.deps.db), { onlyBanks: banks });
        let results: QueryResult[] = [];
        let failed = 0;
        if (queries.length > 0) {
          results = await matcher.match(queries.map((q) => ({ signalType: q.signalType, hash: q.hash })), matchOpts);
          results.forEach((r, i) => printJson({ hash: queries[i]!.hash, type: queries[i]!.signalType, ...r }));
        }
        for (const file of files) {
          try {
            const image = await analyzeImageFile(await readLocalFile(file, runtime.config.uploadLimitBytes), { dihedral: matchOpts.dihedral });
            const [result] = await matchImages(matcher, [image], matchOpts);
            results.push(result!);
            printJson({ file, pdq: image.pdq, quality: image.quality, ...result });
          } catch (err) {
            failed++;
            printJson({ file, error: fileError(err) });
          }
        }
        await auditMatch(runtime.deps, cliActor, files.length > 0 ? 'files' : 'hashes', results, matchOpts);
        if (failed > 0) throw new CliFailure(`${failed} of ${files.length} files could not be matched`);
      });
    });
}
