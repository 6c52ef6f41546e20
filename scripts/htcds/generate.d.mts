// Types for generate.mjs, so TypeScript tests can import the generator's parser and renderer.

export interface GeneratedPicklistEntry {
  value: string;
  label: string;
}

export interface GeneratedField {
  name: string;
  prefix: string;
  shortName: string;
  label: string;
  type: string;
  multiselect: boolean;
  section: string;
  status: string;
  core: boolean;
  description: string;
  notes: string;
  picklist: GeneratedPicklistEntry[] | null;
  valueGuidance: string | null;
  codeStandard: 'ISO 3166-1' | 'ISO 639' | null;
}

export interface GeneratedSection {
  id: string;
  title: string;
  prefixes: string[];
  fields: string[];
  exampleQuestions: string[];
}

export interface HtcdsModel {
  sections: GeneratedSection[];
  fields: GeneratedField[];
}

export declare const REPO_ROOT: string;
export declare const DEFAULT_CSV: string;
export declare const DEFAULT_OUT: string;
export declare function parseCsv(text: string): string[][];
export declare function buildHtcds(rows: string[][]): HtcdsModel;
export declare function renderModule(model: HtcdsModel, source: { file: string; commit: string | null }): string;
export declare function sourceOf(csvPath: string): { file: string; commit: string | null };
export declare function generate(csvPath?: string): string;
