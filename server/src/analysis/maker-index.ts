import type { MakerRow } from '../store/queries';
import { askedAncestors, type SegmentLink } from './segment-tree';

/**
 * Every regional capability, by the segment made, and the makers of an asked segment (it or any
 * descendant) from it. `withFirms` answers the index with some firms' rows replaced; it shares every
 * untouched segment's list, so a reader still holding the old index keeps a consistent picture.
 */
export class MakerIndex {
  /** Asked segment → its makers; a leaf segment's list is the made list itself. */
  private readonly answered = new Map<string, readonly MakerRow[]>();
  /** Set once `withFirms` has handed the firm map on to the index that replaces this one. */
  private superseded = false;

  private constructor(
    private readonly segments: readonly SegmentLink[],
    private readonly bySegment: ReadonlyMap<string, readonly MakerRow[]>,
    /**
     * The segments each firm makes, so a touched firm's rows are found without a pass over every
     * capability. An entry per maker: handed on and changed in place, not copied.
     */
    private readonly segmentsOf: Map<string, readonly string[]>,
  ) {}

  static of(segments: readonly SegmentLink[], rows: readonly MakerRow[]): MakerIndex {
    const bySegment = new Map<string, MakerRow[]>();
    for (const row of rows) {
      const list = bySegment.get(row.segmentCode);
      if (list) list.push(row);
      else bySegment.set(row.segmentCode, [row]);
    }
    return new MakerIndex(segments, bySegment, segmentsByFirm(rows));
  }

  /** The firms that make `segment` or a descendant of it; a firm making two of them is listed twice. */
  forAsked(segment: string): readonly MakerRow[] {
    let found = this.answered.get(segment);
    if (!found) {
      const made = [...askedAncestors(this.segments, [segment]).keys()];
      // A segment without children (most of them) shares its list; only parents get a new one.
      found = made.length === 1 ? (this.bySegment.get(made[0] ?? '') ?? []) : made.flatMap((code) => this.bySegment.get(code) ?? []);
      this.answered.set(segment, found);
    }
    return found;
  }

  /**
   * The index with every row of `firmIds` replaced by `rows` (those firms' rows as read now: none
   * for a firm that makes nothing or has left the region). Once per index: the new one takes over
   * the firm map.
   */
  withFirms(firmIds: ReadonlySet<string>, rows: readonly MakerRow[]): MakerIndex {
    if (this.superseded) throw new Error('this maker index was already brought up to date once');
    const stray = rows.find((row) => !firmIds.has(row.firmId));
    if (stray) throw new Error(`maker row of ${stray.firmId}, which is not among the firms replaced`);
    this.superseded = true;
    const bySegment = new Map(this.bySegment);
    const before = new Set([...firmIds].flatMap((id) => this.segmentsOf.get(id) ?? []));
    for (const segment of before) {
      bySegment.set(segment, (bySegment.get(segment) ?? []).filter((row) => !firmIds.has(row.firmId)));
    }
    const added = new Map<string, MakerRow[]>();
    for (const row of rows) {
      const list = added.get(row.segmentCode);
      if (list) list.push(row);
      else added.set(row.segmentCode, [row]);
    }
    for (const [segment, list] of added) bySegment.set(segment, [...(bySegment.get(segment) ?? []), ...list]);
    for (const id of firmIds) this.segmentsOf.delete(id);
    for (const [id, made] of segmentsByFirm(rows)) this.segmentsOf.set(id, made);
    return new MakerIndex(this.segments, bySegment, this.segmentsOf);
  }
}

function segmentsByFirm(rows: readonly MakerRow[]): Map<string, readonly string[]> {
  const made = new Map<string, string[]>();
  for (const row of rows) {
    const list = made.get(row.firmId);
    if (list) list.push(row.segmentCode);
    else made.set(row.firmId, [row.segmentCode]);
  }
  return made;
}
