import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProfile } from '../services/crawl/profile.js';
import { saveProfile } from '../services/crawl/profileService.js';
import { systemActor, type ServiceDeps } from '../services/deps.js';

/** The shipped profile of the invented demo site (`centinela crawl demo-site` serves it on 127.0.0.1:8099). */
export const DEMO_PROFILE_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'profiles', 'demo-classifieds.yaml');

/** Adds the demo crawl profile, so the crawler page has something to start. Crawling it needs the demo site running. */
export async function seedCrawlDemo(deps: ServiceDeps): Promise<void> {
  await saveProfile(deps, systemActor, parseProfile(readFileSync(DEMO_PROFILE_FILE, 'utf8')));
}
