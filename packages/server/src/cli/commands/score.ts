import { score, type CountryCode } from '@centinela/core';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { CliFailure, printJson } from '../output.js';
import { parseRegion, readTextInput } from './textInput.js';

const LANGUAGES = ['es', 'en', 'pt'] as const;

export function registerScoreCommand(program: Command): void {
  program
    .command('score')
    .description('language, trafficking indicators, entities and the explained risk score of a text (the POST /api/v1/analyze JSON)')
    .argument('[file]', 'a text file, or - (default) for stdin')
    .option('--region <CC>', 'country for phone numbers written without a country code, e.g. CO', parseRegion)
    .option('--language <lang>', 'es, en or pt instead of detecting it')
    .action(async (file: string | undefined, opts: { region?: string; language?: string }) => {
      const language = opts.language;
      if (language !== undefined && !(LANGUAGES as readonly string[]).includes(language)) throw new CliFailure('--language must be es, en or pt', 2);
      // CENTINELA_RISK_CONFIG (validated here like at server start-up) replaces the shipped priors when set.
      const { riskConfig } = loadConfig();
      const text = await readTextInput(file);
      printJson(
        score(text, {
          ...(riskConfig !== undefined ? { config: riskConfig } : {}),
          ...(opts.region ? { defaultRegion: opts.region as CountryCode } : {}),
          ...(language ? { language: language as (typeof LANGUAGES)[number] } : {}),
        }),
      );
    });
}
