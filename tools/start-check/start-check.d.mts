export const REQUIRED_NODE: string;
export function nodeVersionProblem(version: string): string | null;
export function downloadProblem(output: string): string;
export function electronInstalled(electronDir: string): boolean;
export function ensureElectron(options: {
  electronDir: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<{ ok: true } | { ok: false; message: string }>;
export function checkStart(options: {
  nodeVersion?: string;
  electronDir: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<number>;
