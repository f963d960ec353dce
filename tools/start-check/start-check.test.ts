import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStart, downloadProblem, nodeVersionProblem } from './start-check.mjs';

/** An electron package folder whose install step behaves as `script` says. */
function fakeElectron(script: string, installed = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-electron-'));
  writeFileSync(join(dir, 'install.js'), script);
  if (installed) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    chmodSync(join(dir, 'dist', 'electron'), 0o755);
    writeFileSync(join(dir, 'path.txt'), 'electron');
  }
  return dir;
}

const FAILING_DOWNLOAD = `
console.error('RequestError: connect ECONNREFUSED 127.0.0.1:9\\n    at ClientRequest.<anonymous> (/x/got/index.js:1:1)\\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)');
process.exit(1);`;

async function run(options: Parameters<typeof checkStart>[0]) {
  const lines: string[] = [];
  const code = await checkStart({ ...options, log: (line) => lines.push(...line.split('\n')) });
  return { code, lines };
}

describe('the first start', () => {
  it('refuses a Node.js older than 22.12 in two lines that say what to install', async () => {
    expect(nodeVersionProblem('22.12.0')).toBeNull();
    expect(nodeVersionProblem('v24.1.0')).toBeNull();
    expect(nodeVersionProblem('22.11.9')).not.toBeNull();
    const { code, lines } = await run({ nodeVersion: '20.20.2', electronDir: fakeElectron(FAILING_DOWNLOAD) });
    expect(code).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Peering Assistant needs Node.js 22.12 or newer to start; this is Node.js 20.20.2.');
    expect(lines[1]).toMatch(/nodejs\.org/);
  });

  it('turns a failed Electron download into two lines naming the cause and ELECTRON_MIRROR, without the stack', async () => {
    const { code, lines } = await run({ nodeVersion: '22.12.0', electronDir: fakeElectron(FAILING_DOWNLOAD) });
    expect(code).toBe(1);
    const said = lines.slice(1);
    expect(said).toEqual([
      "Electron's binary could not be downloaded (connect ECONNREFUSED 127.0.0.1:9).",
      expect.stringContaining('set ELECTRON_MIRROR to a mirror'),
    ]);
    expect(lines.join('\n')).not.toMatch(/\bat \w/);
  });

  it('starts without a word when Electron is in place, and after a download that worked', async () => {
    const installed = await run({ nodeVersion: '22.12.0', electronDir: fakeElectron(FAILING_DOWNLOAD, true) });
    expect(installed).toEqual({ code: 0, lines: [] });
    const downloaded = await run({ nodeVersion: '23.0.0', electronDir: fakeElectron('process.exit(0);') });
    expect(downloaded.code).toBe(0);
  });

  it('still says something useful when the install step printed nothing', () => {
    expect(downloadProblem('')).toMatch(/^Electron's binary could not be downloaded\.\n.*ELECTRON_MIRROR/);
  });
});
