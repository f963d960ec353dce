/**
 * The fuses electron-builder flips in the packaged binary, read from its configuration as it
 * reads it. No Electron binary is packaged here, so this is where a fuse turned back on (or
 * a new one left undecided) is caught.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Fuses = NonNullable<Configuration['electronFuses']>;
type FuseName = Exclude<keyof Fuses, 'resetAdHocDarwinSignature'>;

const config = parse(readFileSync(join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8')) as Configuration;

/** Every fuse electron-builder knows, and the one value this app ships with. */
const EXPECTED: Record<FuseName, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
};

describe('the packaged app', () => {
  it.each(Object.entries(EXPECTED))('sets the %s fuse to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse as FuseName]).toBe(value);
  });

  it('decides every fuse, so none is left at Electron\'s default', () => {
    const decided = Object.keys(config.electronFuses ?? {}).filter((key) => key !== 'resetAdHocDarwinSignature');
    expect(decided.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('packs the app into an ASAR, the only place it may load from', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['resources/icon.png']);
  });
});
