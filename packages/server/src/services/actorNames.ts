import type { ServiceDeps } from './deps.js';

/**
 * Records keep who did something as a label (`user:<id>`, `apiKey:<id>`, `cli`, `system`): stable even when
 * a user is renamed. People reading a record want a name: the user's e-mail or the API key's name.
 * Labels without a name (the CLI, the system, a deleted user) are simply absent from the map.
 */
export async function actorNames(deps: ServiceDeps, labels: Iterable<string>): Promise<Map<string, string>> {
  const ids = { user: new Set<string>(), apiKey: new Set<string>() };
  for (const label of labels) {
    const [type, id] = label.split(':', 2);
    if (id && (type === 'user' || type === 'apiKey')) ids[type].add(id);
  }
  const names = new Map<string, string>();
  if (ids.user.size > 0) {
    const users = await deps.db.selectFrom('app_user').select(['id', 'email']).where('id', 'in', [...ids.user]).execute();
    for (const u of users) names.set(`user:${u.id}`, u.email);
  }
  if (ids.apiKey.size > 0) {
    const keys = await deps.db.selectFrom('api_key').select(['id', 'name']).where('id', 'in', [...ids.apiKey]).execute();
    for (const k of keys) names.set(`apiKey:${k.id}`, k.name);
  }
  return names;
}
