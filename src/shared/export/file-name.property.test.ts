/**
 * Export file names for any label: one safe name that ends in the format's extension, shows
 * as it is (no invisible or direction-changing character), holds no path, and stays the same
 * when main makes it safe a second time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFileName, suggestedExportFileName, type ExportExtension } from './file-name';
import { hostileText } from './hostile-text.test-support';

const extension = fc.constantFrom<ExportExtension>('csv', 'vcf', 'json');

describe('export file names from any label', () => {
  it('are safe, end in their extension, and are stable', () => {
    fc.assert(
      fc.property(hostileText(300), extension, (label, ext) => {
        const name = exportFileName(label, ext);
        const stem = name.slice(0, -(ext.length + 1));
        expect(name.endsWith(`.${ext}`)).toBe(true);
        expect(name.isWellFormed()).toBe(true);
        expect(name).toBe(name.normalize('NFC'));
        expect(stem.length).toBeGreaterThan(0);
        expect(stem).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFFFD<>:"/\\|?*]/u);
        expect(stem).not.toMatch(/^[.\s]|[.\s]$/u);
        expect(stem).not.toMatch(/\s{2}/u);
        expect(stem.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
        expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
        expect(suggestedExportFileName(name, ext)).toBe(name);
      }),
      { numRuns: 1000 },
    );
  });
});
