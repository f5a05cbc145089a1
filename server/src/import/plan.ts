import type { Viewer } from '../auth/viewer';
import type { CapabilityPlan, NeedPlan } from '../commands/firm-segments';
import type { FirmWritePlan } from '../commands/firms';
import type { OrderPlan } from '../commands/orders';
import { refusalText, type Refusal } from '../commands/refusals';
import type { SupportPlan } from '../commands/supports';
import type { TargetPlan } from '../commands/targets';
import { KIND_COLUMNS, columnName, type ImportKind } from './columns';
import type { KindRecords } from './kinds';
import { duplicateMessage, message, type Lang, type MessageKey } from './messages';
import type { RowError, ValidRow } from './validate';

/** A firm row once matched: its id is known and it is a create or an update. */
export type ResolvedFirm = Omit<KindRecords['firms'], 'id'> & { id: string };

/** What each accepted row writes: the command's own plan for it. */
export interface ResolvedRecords {
  firms: FirmWritePlan;
  capabilities: CapabilityPlan;
  needs: NeedPlan;
  orders: OrderPlan;
  supports: SupportPlan;
  targets: TargetPlan;
}

export interface PlannedRow<T> {
  row: number;
  record: T;
  action: 'create' | 'update';
}

export interface Plan<K extends ImportKind> {
  kind: K;
  rows: PlannedRow<ResolvedRecords[K]>[];
  errors: RowError[];
}

/** Everything a kind's checker needs besides the rows: the viewer, the language, and reporting. */
export class RowChecker<K extends ImportKind> {
  readonly errors: RowError[] = [];
  readonly planned: PlannedRow<ResolvedRecords[K]>[] = [];
  private readonly firstRowOf = new Map<string, number>();

  constructor(
    readonly kind: K,
    readonly viewer: Viewer,
    readonly lang: Lang,
  ) {}

  /** Reports a problem with one cell; the row is then left out of the plan by the caller. */
  fail(row: ValidRow<unknown>, key: string, what: MessageKey | { text: string }): void {
    const spec = KIND_COLUMNS[this.kind].find((s) => s.key === key);
    // Store checks concern ids and codes, whose cell text is the record's value.
    const cell = (row.record as Record<string, unknown>)[key];
    this.errors.push({
      row: row.row,
      column: spec ? columnName(spec, this.lang) : key,
      value: cell === undefined || cell === null ? null : String(cell),
      message: typeof what === 'string' ? message(what, this.lang) : what.text,
    });
  }

  /** Reports every reason a command refused the row, each under the column it names. */
  refuse(row: ValidRow<unknown>, refusals: readonly Refusal[]): void {
    for (const refusal of refusals) this.fail(row, refusal.field, { text: refusalText(refusal, this.lang) });
  }

  /** True the first time a record key is seen; later rows with it are reported as duplicates. */
  firstOccurrence(row: ValidRow<unknown>, recordKey: string, column: string): boolean {
    const first = this.firstRowOf.get(recordKey);
    if (first === undefined) {
      this.firstRowOf.set(recordKey, row.row);
      return true;
    }
    this.fail(row, column, { text: duplicateMessage(first, this.lang) });
    return false;
  }

  plan(row: ValidRow<unknown>, record: ResolvedRecords[K], exists: boolean): void {
    this.planned.push({ row: row.row, record, action: exists ? 'update' : 'create' });
  }

  result(): Plan<K> {
    return { kind: this.kind, rows: this.planned, errors: this.errors };
  }
}
