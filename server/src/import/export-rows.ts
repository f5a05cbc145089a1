import { seesOrderAmount } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import type { GraphStore } from '../store/port';
import { allSupports } from '../store/queries';
import { targetEvents, type TargetRow } from '../store/queries';
import { exportCapabilities, exportFirms, exportNeeds, exportOrdersPage, exportTargetsPage, type ExportOrderRow } from '../store/queries/import';
import type { ImportKind } from './columns';
import { exportScope, targetExportDistricts } from './permissions';
import { groupBy, summariseHistory } from '../commands/target-history';
import { targetExportRow } from './target-history';
import type { ExportRow } from './write-table';

const ORDER_PAGE = 20_000;
const TARGET_PAGE = 2_000;

/**
 * A kind's records as the viewer may see them, in the template's columns (export.ts writes them).
 * Order amounts and quantities the viewer may not see are left blank, not left out: the row still
 * says who traded with whom, which the public directory shows anyway.
 */
export async function* exportRows(store: GraphStore, kind: ImportKind, viewer: Viewer): AsyncGenerator<ExportRow> {
  const own = exportScope(viewer, kind) === 'ownFirm' ? viewer.firmId ?? '' : null;
  switch (kind) {
    case 'firms':
      yield* await store.read(exportFirms());
      return;
    case 'capabilities':
      yield* await store.read(exportCapabilities());
      return;
    case 'needs':
      for (const row of await store.read(exportNeeds())) if (own === null || row.firmId === own) yield row;
      return;
    case 'supports':
      for (const s of await store.read(allSupports())) yield { ...s, fromFirmId: s.fromId, toFirmId: s.toId };
      return;
    case 'orders': {
      let after: string | null = null;
      for (;;) {
        const page: ExportOrderRow[] = await store.read(exportOrdersPage(after, ORDER_PAGE, own));
        for (const o of page) {
          yield seesOrderAmount(viewer, o) ? o : { ...o, amountCny: null, quantity: null };
        }
        if (page.length < ORDER_PAGE) return;
        after = page[page.length - 1]?.id ?? null;
      }
    }
    case 'targets':
      yield* exportTargets(store, viewer);
      return;
  }
}

/** The targets of the districts the viewer manages, with the days of their histories. */
async function* exportTargets(store: GraphStore, viewer: Viewer): AsyncGenerator<ExportRow> {
  const districts = targetExportDistricts(viewer);
  if (districts?.length === 0) return;
  let after: string | null = null;
  for (;;) {
    const page: TargetRow[] = await store.read(exportTargetsPage(after, TARGET_PAGE, districts));
    if (page.length === 0) return;
    const history = groupBy(await store.read(targetEvents(page.map((t) => t.id))));
    for (const t of page) yield targetExportRow(summariseHistory(t, history.get(t.id) ?? []));
    if (page.length < TARGET_PAGE) return;
    after = page[page.length - 1]?.id ?? null;
  }
}
