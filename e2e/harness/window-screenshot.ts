/**
 * Takes the README's picture of the window (docs/window.png, 1280×800): the built app in the
 * Chromium harness, with a seeded PeeringDB-like dataset imported the way a user would.
 *
 *   npm run build && npx tsx e2e/harness/window-screenshot.ts [--out docs/window.png]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from '../fake-peeringdb/generator';
import { launchHarness, REPO_ROOT } from './harness';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(REPO_ROOT, 'docs', 'window.png') },
  },
});

const workDir = mkdtempSync(join(tmpdir(), 'peering-assistant-screenshot-'));
const dumpPath = join(workDir, 'peeringdb-dump.json');
writeFileSync(dumpPath, JSON.stringify(generateDataset({ seed: 2026, scale: 0.05 })));

const harness = await launchHarness({ userDataDir: join(workDir, 'user-data') });
try {
  const { page } = harness;
  const eventNamed = (name: string) =>
    page.waitForFunction((wanted) => (window.__appEvents ?? []).some((event) => event.name === wanted), name, {
      timeout: 120_000,
    });
  await eventNamed('ready');
  await harness.dialogs.answerOpen(dumpPath);
  await harness.menu('import-dump');
  await eventNamed('sync-done');
  await harness.menu('navigate-sync');
  await page.getByRole('main', { name: 'Sync' }).waitFor();
  const out = resolve(values.out);
  await page.screenshot({ path: out });
  console.log(`Saved ${out}`);
} finally {
  await harness.close();
  rmSync(workDir, { recursive: true, force: true });
}
