// Types for build.mjs, so TypeScript tests can rebuild the PDQ kernel from its .wat.

export declare const REPO_ROOT: string;
export declare const WAT_PATH: string;
export declare const OUT_PATH: string;
export declare function compileWat(text: string, filename?: string): Promise<Uint8Array>;
export declare function renderModule(binary: Uint8Array): string;
export declare function generate(watPath?: string): Promise<string>;
