/** Renders a session template for one peer from the local copy's data. */
import type { DraftContext } from '../export/template';
import { renderTemplate, type RenderResult } from '../templating/jinja';
import { filtersFor, templateVariables } from './variables';

export function renderSessionConfig(source: string, context: DraftContext): RenderResult {
  const variables = templateVariables(context);
  const result = renderTemplate(source, { ...variables }, filtersFor(variables));
  // Configurations are pasted into terminals and files: one final newline, no trailing blanks.
  return result.ok ? { ok: true, text: `${result.text.replace(/[ \t]+$/gm, '').trimEnd()}\n` } : result;
}
