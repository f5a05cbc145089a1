import { readsAggregates, readsEverything, targetDistrictsOf } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import type { ImportKind } from './columns';

/**
 * Which kinds a role may import at all, a quick answer before a file is read (403). Every row is
 * then judged by the same command the GraphQL mutation calls (commands/*.ts), so the spreadsheet
 * path grants nothing the API refuses. In short:
 * - firms, capabilities, needs: whoever may edit the firm (admin; a bureau for firms in its
 *   district; a firm's own staff for that firm);
 * - orders: one of the two parties, or an admin (bureaus do not record orders);
 * - support ties: an admin, or a bureau when both firms are in its district;
 * - investment targets: those who manage the target's district (managesTargetsOf: its investment
 *   team, its bureau, an admin), checked per row in check-targets.ts; firms never;
 * - investment teams change no firm data.
 * A file with one row the viewer may not change is refused whole, naming that row.
 */
export function importsKind(viewer: Viewer, kind: ImportKind): boolean {
  switch (viewer.role) {
    case 'ADMIN':
      return true;
    case 'BUREAU':
      return kind !== 'orders';
    case 'FIRM':
      return kind !== 'supports' && kind !== 'targets';
    case 'INVESTMENT':
      return kind === 'targets';
  }
}

/**
 * Exports need a sign-in. The public directory (firms, capabilities, support ties) goes to every
 * role; demand figures to bureaus, investment teams and admins, and a firm's own to its staff;
 * orders as policy lists them (export.ts blanks the amounts a viewer may not see).
 */
export function exportScope(viewer: Viewer, kind: ImportKind): 'all' | 'ownFirm' {
  if (kind === 'needs') return readsAggregates(viewer) ? 'all' : 'ownFirm';
  if (kind === 'orders') return readsEverything(viewer) || viewer.role === 'INVESTMENT' ? 'all' : 'ownFirm';
  return 'all';
}

/**
 * A district's target list is not public (policy.ts targetDistrictsOf): it goes to those who manage
 * the district, for their districts only (null: all, for admins). Anyone else is refused the kind
 * outright (403) rather than sent an empty sheet that reads as "no targets".
 */
export function targetExportDistricts(viewer: Viewer): string[] | null {
  return targetDistrictsOf(viewer);
}

export function exportsKind(viewer: Viewer, kind: ImportKind): boolean {
  return kind !== 'targets' || targetExportDistricts(viewer)?.length !== 0;
}
