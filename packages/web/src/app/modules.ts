import type { MessageKey } from '../i18n';

// The capabilities of the platform, in navigation order, and which roles see them. This only shapes the
// navigation: the server enforces access on every route whatever the UI shows.
export interface ModuleDef {
  id: string;
  path: string;
  label: MessageKey;
  description: MessageKey;
  roles: readonly string[];
  installed: boolean;
}

export const MODULES: readonly ModuleDef[] = [
  { id: 'queue', path: '/queue', label: 'nav.queue', description: 'module.queue.desc', roles: ['admin', 'analyst', 'investigator'], installed: true },
  { id: 'items', path: '/items', label: 'nav.items', description: 'module.items.desc', roles: ['admin', 'analyst', 'investigator'], installed: true },
  { id: 'networks', path: '/networks', label: 'nav.networks', description: 'module.networks.desc', roles: ['admin', 'analyst', 'investigator'], installed: true },
  { id: 'hashes', path: '/hashes', label: 'nav.hashes', description: 'module.hashes.desc', roles: ['admin', 'analyst', 'investigator'], installed: true },
  { id: 'cases', path: '/cases', label: 'nav.cases', description: 'module.cases.desc', roles: ['caseworker', 'supervisor'], installed: true },
  { id: 'referrals', path: '/referrals', label: 'nav.referrals', description: 'module.referrals.desc', roles: ['partner'], installed: true },
  { id: 'statistics', path: '/statistics', label: 'nav.statistics', description: 'module.statistics.desc', roles: ['admin', 'analyst', 'investigator', 'caseworker', 'statistician', 'supervisor'], installed: true },
  { id: 'directory', path: '/directory', label: 'nav.directory', description: 'module.directory.desc', roles: ['admin'], installed: true },
  { id: 'crawler', path: '/crawler', label: 'nav.crawler', description: 'module.crawler.desc', roles: ['admin', 'analyst'], installed: true },
  { id: 'admin', path: '/admin', label: 'nav.admin', description: 'module.admin.desc', roles: ['admin'], installed: true },
];

export function modulesFor(roles: readonly string[]): ModuleDef[] {
  return MODULES.filter((m) => m.roles.some((r) => roles.includes(r)));
}

export function moduleForPath(path: string): ModuleDef | undefined {
  return MODULES.find((m) => path === m.path || path.startsWith(`${m.path}/`));
}
