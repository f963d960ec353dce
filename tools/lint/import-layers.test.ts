import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The layer rule's messages for `code` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('lint enforces the layers of the tree', () => {
  it('fails when the page imports the store worker, and the reverse', async () => {
    expect(await layerErrors('src/renderer/src/ui/screens/peers/X.tsx', "import { x } from '../../../worker/db/schema';\nexport const y = x;\n")).toHaveLength(1);
    expect(await layerErrors('src/renderer/src/worker/queries/x.ts', "import { y } from '../../ui/state/app-state';\nexport const z = y;\n")).toHaveLength(1);
  });

  it('fails when a screen imports another screen, but not its own files or shared components', async () => {
    expect(await layerErrors('src/renderer/src/ui/screens/compare/X.tsx', "import { a } from '../contacts/ContactsScreen';\nexport const b = a;\n")).toEqual([
      expect.stringContaining('A screen never imports another screen'),
    ]);
    const allowed = "import { a } from './CompareScreen';\nimport { b } from '../../components/DataTable';\nexport const c = [a, b];\n";
    expect(await layerErrors('src/renderer/src/ui/screens/compare/X.tsx', allowed)).toEqual([]);
  });

  it('fails when the renderer imports main, Node or Electron', async () => {
    const code = "import { a } from '../../../main/settings';\nimport { b } from 'node:fs';\nimport { c } from 'electron';\nexport const d = [a, b, c];\n";
    expect(await layerErrors('src/renderer/src/ui/x.ts', code)).toHaveLength(3);
  });

  it('fails when shipped code imports test support, the tools or the end-to-end suite', async () => {
    const code = [
      "import { a } from './copy/local-copy.test-support';",
      "import { b } from '../../../../tools/fake-peeringdb/generator';",
      "import { c } from '../../../../e2e/fixtures/app';",
      'export const d = [a, b, c];',
    ].join('\n');
    expect(await layerErrors('src/renderer/src/worker/x.ts', code)).toHaveLength(3);
    // A test of the same folder may use test support and the tools.
    expect(await layerErrors('src/renderer/src/worker/x.test.ts', code)).toHaveLength(1);
  });

  it('keeps protocol/ to types', async () => {
    expect(await layerErrors('src/renderer/src/protocol/x.ts', 'export const notAType = 1;\n')).toHaveLength(1);
    expect(await layerErrors('src/renderer/src/protocol/x.ts', "import type { PdbType } from '../../../shared/peeringdb';\nexport interface X { type: PdbType }\n")).toEqual([]);
  });

});
