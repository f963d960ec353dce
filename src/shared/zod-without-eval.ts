/**
 * zod as every schema of the app builds it: without its compiled parsers. zod 4 compiles an
 * object's parser with `new Function` where it may, and finds out by trying once, when the
 * first object schema is built; under the window's and the store worker's CSP that try is
 * refused and reported as a violation. The setting must come before the first schema, which
 * importing `z` from here guarantees.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
