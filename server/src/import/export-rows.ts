import { seesOrderAmount } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import type { GraphStore } from '../store/port';
import { allSupports } from '../store/queries';
import { exportCapabilities, exportFirms, exportNeeds, exportOrdersPage, type ExportOrderRow } from '../store/queries/import';
import type { ImportKind } from './columns';
import { exportScope } from './permissions';
import type { ExportRow } from './write-table';

const ORDER_PAGE = 20_000;

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
  }
}
