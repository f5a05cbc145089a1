import type { MakerRow } from '../store/queries';
import { askedAncestors, type SegmentLink } from './segment-tree';

/**
 * Every regional capability, by the segment made, and the makers of an asked segment (it or any
 * descendant) from it. Immutable: `withFirms` answers a new index that shares every untouched
 * segment's list, so a reader holding the old one keeps a consistent picture.
 */
export class MakerIndex {
  /** Asked segment → its makers; a leaf segment's list is the made list itself. */
  private readonly answered = new Map<string, readonly MakerRow[]>();

  private constructor(
    private readonly segments: readonly SegmentLink[],
    private readonly bySegment: ReadonlyMap<string, readonly MakerRow[]>,
  ) {}

  static of(segments: readonly SegmentLink[], rows: readonly MakerRow[]): MakerIndex {
    const bySegment = new Map<string, MakerRow[]>();
    for (const row of rows) {
      const list = bySegment.get(row.segmentCode);
      if (list) list.push(row);
      else bySegment.set(row.segmentCode, [row]);
    }
    return new MakerIndex(segments, bySegment);
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
   * for a firm that makes nothing or has left the region).
   */
  withFirms(firmIds: ReadonlySet<string>, rows: readonly MakerRow[]): MakerIndex {
    const bySegment = new Map(this.bySegment);
    for (const [segment, list] of this.bySegment) {
      if (list.some((row) => firmIds.has(row.firmId))) bySegment.set(segment, list.filter((row) => !firmIds.has(row.firmId)));
    }
    const added = new Map<string, MakerRow[]>();
    for (const row of rows) {
      if (!firmIds.has(row.firmId)) throw new Error(`maker row of ${row.firmId}, which is not among the firms replaced`);
      const list = added.get(row.segmentCode);
      if (list) list.push(row);
      else added.set(row.segmentCode, [row]);
    }
    for (const [segment, list] of added) bySegment.set(segment, [...(bySegment.get(segment) ?? []), ...list]);
    return new MakerIndex(this.segments, bySegment);
  }
}
