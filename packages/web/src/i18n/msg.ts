import { useI18n, type MessageKey, type Vars } from './index';

/** A message kept as key + values (not as text) so it follows a later change of language. */
export interface Msg {
  key: MessageKey;
  vars?: Vars;
}

export function useMsg(): (m: Msg | null) => string | null {
  const { t } = useI18n();
  return (m) => (m ? t(m.key, m.vars) : null);
}
