import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Under the CSP, `new Function` throws and the browser reports a violation. The stand-in counts
 * the tries and refuses them as the CSP would.
 */
function refuseFunction(): { tries: () => number } {
  let tries = 0;
  const refused = function () {
    tries++;
    throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
  };
  vi.stubGlobal('Function', refused);
  return { tries: () => tries };
}

async function buildAndParse(z: typeof import('zod').z): Promise<unknown> {
  const schema = z.object({ asn: z.number().int(), name: z.string(), tags: z.array(z.string()) });
  return schema.parse({ asn: 64500, name: 'Example', tags: ['a'] });
}

describe('zod without eval', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('builds and parses object schemas without trying new Function', async () => {
    vi.resetModules();
    const eval_ = refuseFunction();
    const { z } = await import('./zod-without-eval');
    expect(await buildAndParse(z)).toEqual({ asn: 64500, name: 'Example', tags: ['a'] });
    expect(eval_.tries()).toBe(0);
  });

  it('zod as it comes tries new Function once, when it builds its first object schema: the try the CSP reports', async () => {
    vi.resetModules();
    const eval_ = refuseFunction();
    const { z } = await import('zod');
    z.config({ jitless: false });
    expect(await buildAndParse(z)).toEqual({ asn: 64500, name: 'Example', tags: ['a'] });
    expect(eval_.tries()).toBeGreaterThan(0);
  });
});
