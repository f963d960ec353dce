/**
 * What a caller may see, as PeeringDB's permission applicator decides it: contacts the
 * caller may not see are dropped from the list (not redacted), and an IX-F member list URL
 * is removed from its ixlan unless its visibility lets the caller see it.
 */
import type { PdbType } from '../../src/shared/peeringdb';
import type { AnyRow } from './store';

export interface Viewer {
  /** A valid API key was sent. Such a key sees "Users" data, never "Private". */
  authenticated: boolean;
}

export const ANONYMOUS: Viewer = { authenticated: false };

export function maySee(visible: unknown, viewer: Viewer): boolean {
  if (visible === 'Public') return true;
  if (visible === 'Users') return viewer.authenticated;
  return false;
}

/** The row as the viewer receives it, or null when it is dropped. */
export function viewRow(type: PdbType, row: AnyRow, viewer: Viewer): AnyRow | null {
  if (type === 'poc') return maySee(row.visible, viewer) ? row : null;
  if (type === 'ixlan' && 'ixf_ixp_member_list_url' in row && !maySee(row.ixf_ixp_member_list_url_visible, viewer)) {
    const { ixf_ixp_member_list_url: _hidden, ...rest } = row;
    return rest as AnyRow;
  }
  return row;
}

export function viewRows(type: PdbType, rows: readonly AnyRow[], viewer: Viewer): AnyRow[] {
  const out: AnyRow[] = [];
  for (const row of rows) {
    const seen = viewRow(type, row, viewer);
    if (seen) out.push(seen);
  }
  return out;
}
