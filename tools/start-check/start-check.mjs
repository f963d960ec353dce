#!/usr/bin/env node
/**
 * Runs before `npm start` and `npm run dev`. The two ways a first start fails on a new laptop
 * are an old Node.js (Electron's tools need 22.12) and Electron's binary download (it comes
 * from GitHub, which some networks block): each is said in two lines with what to do, instead
 * of a stack trace. Plain JavaScript with no dependencies, so that it runs on any Node.js old
 * enough to need it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REQUIRED_NODE = '22.12.0';

function versionParts(version) {
  return String(version)
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
}

/** Why this Node.js cannot start the app, or null when it can. */
export function nodeVersionProblem(version) {
  const have = versionParts(version);
  const need = versionParts(REQUIRED_NODE);
  for (let i = 0; i < need.length; i++) {
    if ((have[i] || 0) > need[i]) return null;
    if ((have[i] || 0) < need[i]) {
      return [
        `Peering Assistant needs Node.js ${REQUIRED_NODE.replace(/\.0$/, '')} or newer to start; this is Node.js ${String(version).replace(/^v/, '')}.`,
        'Install the current Node.js LTS (https://nodejs.org, or `nvm install --lts`), then run npm start again.',
      ].join('\n');
    }
  }
  return null;
}

/** What to say when Electron's install step failed; `output` is what it wrote to stderr. */
export function downloadProblem(output) {
  const firstLine = String(output)
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at '));
  const reason = firstLine ? ` (${firstLine.replace(/^\w*Error:\s*/, '')})` : '';
  return [
    `Electron's binary could not be downloaded${reason}.`,
    'Where GitHub is out of reach, set ELECTRON_MIRROR to a mirror (e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/) and run npm start again.',
  ].join('\n');
}

/** Whether Electron's binary is in place (what its own install step checks first). */
export function electronInstalled(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/**
 * Runs Electron's own install step (which downloads the binary) when the binary is missing.
 * Its stderr is kept back: on success it is passed on, on failure it becomes two lines.
 */
export function ensureElectron({ electronDir, env = process.env, log = (line) => console.error(line) }) {
  if (electronInstalled(electronDir)) return Promise.resolve({ ok: true });
  log("Downloading Electron's binary for this platform (about 100 MB, once)…");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', (error) => resolve({ ok: false, message: downloadProblem(String(error)) }));
    child.on('close', (code) => {
      if (code === 0) {
        if (stderr.trim()) log(stderr.trimEnd());
        resolve({ ok: true });
      } else {
        resolve({ ok: false, message: downloadProblem(stderr) });
      }
    });
  });
}

/** The whole check; resolves to the exit code. */
export async function checkStart({ nodeVersion = process.versions.node, electronDir, env = process.env, log = (line) => console.error(line) }) {
  const nodeProblem = nodeVersionProblem(nodeVersion);
  if (nodeProblem) {
    log(nodeProblem);
    return 1;
  }
  const electron = await ensureElectron({ electronDir, env, log });
  if (!electron.ok) {
    log(electron.message);
    return 1;
  }
  return 0;
}

function electronPackageDir() {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('electron/package.json'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  checkStart({ electronDir: electronPackageDir() }).then((code) => process.exit(code));
}
