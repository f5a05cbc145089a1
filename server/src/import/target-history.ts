import { chinaDay } from '../investment/progress';
import type { ExistingTarget } from '../commands/target-rules';
import type { ExportRow } from './write-table';

const dayOf = (iso: string | undefined) => (iso ? chinaDay(iso) : null);

/** A target in the template's columns: what importing it back would leave exactly as it is. */
export function targetExportRow({ row, reachedAt }: ExistingTarget): ExportRow {
  return {
    ...row,
    synthetic: row.synthetic ?? false,
    createdOn: chinaDay(row.createdAt),
    signedOn: dayOf(reachedAt.SIGNED),
    startedOn: dayOf(reachedAt.STARTED),
    producingOn: dayOf(reachedAt.PRODUCING),
    droppedOn: dayOf(reachedAt.DROPPED),
  };
}
