/**
 * Takes the README's picture of the window (docs/window.png, 1280×800): the built app in the
 * Chromium harness, with a seeded PeeringDB-like dataset imported the way a user would, one
 * well-connected network added as mine, on the Peers screen.
 *
 *   npm run build && npx tsx e2e/harness/window-screenshot.ts [--out docs/window.png]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from '../../tools/fake-peeringdb/generator';
import { launchHarness, REPO_ROOT } from './harness';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(REPO_ROOT, 'docs', 'window.png') },
  },
});

const workDir = mkdtempSync(join(tmpdir(), 'peering-assistant-screenshot-'));
const dumpPath = join(workDir, 'peeringdb-dump.json');
const dataset = generateDataset({ seed: 2026, scale: 0.05 });
writeFileSync(dumpPath, JSON.stringify(dataset));

/** A network present at many exchanges, but not the biggest: its peer list looks like a real one. */
function wellConnectedAsn(): number {
  const ports = new Map<number, number>();
  for (const port of dataset.netixlan.data) {
    if (port.status === 'ok') ports.set(port.net_id, (ports.get(port.net_id) ?? 0) + 1);
  }
  const [, , third] = [...ports.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const net = dataset.net.data.find((row) => row.id === third?.[0]);
  if (!net) throw new Error('The generated dataset has too few connected networks');
  return net.asn;
}

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

  const asn = wellConnectedAsn();
  await harness.menu('navigate-networks');
  const networks = page.getByRole('main', { name: 'My networks' });
  const addNetwork = networks.getByRole('combobox', { name: 'Add a network' });
  await addNetwork.fill(String(asn));
  await addNetwork.press('Enter');
  await networks.getByText(/IXP connections/).waitFor();

  await harness.menu('navigate-peers');
  const peers = page.getByRole('main', { name: 'Peers' });
  await peers.getByText(/\d+ of \d+ potential peers/).waitFor();
  await peers.getByRole('row').nth(5).waitFor();
  const out = resolve(values.out);
  await page.screenshot({ path: out });
  console.log(`Saved ${out}`);
} finally {
  await harness.close();
  rmSync(workDir, { recursive: true, force: true });
}
