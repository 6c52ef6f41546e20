import type { MessageKey, Vars } from './index';

/** Who did something, for display: the name the server resolved, or what the stored label says. */
export function actorName(label: string, name: string | null, t: (key: MessageKey, vars?: Vars) => string): string {
  if (label === 'cli') return t('actor.cli');
  if (label === 'system') return t('actor.system');
  if (name && label.startsWith('apiKey:')) return t('actor.apiKey', { name });
  return name ?? label;
}
