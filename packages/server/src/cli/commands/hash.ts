import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { hashImageFile } from '../../media/hashImageFile.js';
import { CliFailure, printJson } from '../output.js';
import { fileError, readLocalFile } from './files.js';

export function registerHashCommand(program: Command): void {
  program
    .command('hash')
    .description('PDQ (with quality), MD5 and SHA-256 of image files: one JSON line per file; nothing is stored')
    .argument('<files...>', 'image files')
    .option('--exif', 'apply the EXIF orientation before hashing (the reference does not)')
    .action(async (files: string[], opts: { exif?: boolean }) => {
      const { uploadLimitBytes } = loadConfig();
      let failed = 0;
      for (const file of files) {
        try {
          const h = await hashImageFile(await readLocalFile(file, uploadLimitBytes), { applyExifOrientation: opts.exif === true });
          printJson({ file, pdq: h.pdq, quality: h.quality, md5: h.md5, sha256: h.sha256 });
        } catch (err) {
          failed++;
          printJson({ file, error: fileError(err) });
        }
      }
      // Every file gets its line first; the failure is reported once, at the end.
      if (failed > 0) throw new CliFailure(`${failed} of ${files.length} files could not be hashed`);
    });
}
