import { loadConfig } from '../config/config.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { printJson } from './output.js';

/** Opens the runtime from the environment, runs `fn`, and closes it (then `cleanup`, if given) whatever happens. */
export async function withRuntime<T>(fn: (runtime: Runtime) => Promise<T>, cleanup?: () => Promise<void>): Promise<T> {
  const runtime = await openRuntime(loadConfig());
  try {
    return await fn(runtime);
  } finally {
    await cleanup?.();
    await runtime.close();
  }
}

/** {@link withRuntime}, printing the result as one JSON line. */
export async function printWithRuntime(fn: (runtime: Runtime) => Promise<unknown>): Promise<void> {
  printJson(await withRuntime(fn));
}
