/**
 * Checking what the page sends before the worker acts on it: the page is trusted code, but a
 * bad call should fail with a sentence, not corrupt a table.
 */
import type { z } from '../../../shared/zod-without-eval';

/** Validates operation arguments; a bad call gets the first problem in words. */
export function checkedArgs<S extends z.ZodType>(schema: S, args: unknown): z.infer<S> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw new Error(`${where}${issue.message}`);
}
