import { extractEntities, type CountryCode } from '@centinela/core';
import type { Command } from 'commander';
import { printJson } from '../output.js';
import { parseRegion, readTextInput } from './textInput.js';

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('phones (E.164), e-mails, crypto wallets, handles and URLs in a text, with exact spans: {"entities":[…]}')
    .argument('[file]', 'a text file, or - (default) for stdin')
    .option('--region <CC>', 'country for phone numbers written without a country code, e.g. CO', parseRegion)
    .action(async (file: string | undefined, opts: { region?: string }) => {
      const text = await readTextInput(file);
      const entities = extractEntities(text, opts.region ? { defaultRegion: opts.region as CountryCode } : {});
      printJson({ entities });
    });
}
