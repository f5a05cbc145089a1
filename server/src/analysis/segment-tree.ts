/**
 * The segment tree is tens of rows: which segments count for which asked segment is worked out
 * here rather than with a variable-length PART_OF pattern, which the embedded engine expands over
 * every maker in the cluster before it filters on the asked segment.
 */

export interface SegmentLink {
  code: string;
  parentCode: string | null;
}

/** How deep below an asked segment a maker's segment may sit and still count for it (as PART_OF*0..4 did). */
export const MAX_SEGMENT_DEPTH = 4;

/**
 * For every segment that counts for one of the asked segments (the segment itself or a descendant
 * at most `maxDepth` levels down), the asked segments it counts for.
 */
export function askedAncestors(
  segments: readonly SegmentLink[],
  asked: readonly string[],
  maxDepth = MAX_SEGMENT_DEPTH,
): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const s of segments) {
    if (s.parentCode === null) continue;
    const list = children.get(s.parentCode);
    if (list) list.push(s.code);
    else children.set(s.parentCode, [s.code]);
  }
  const known = new Set(segments.map((s) => s.code));
  const result = new Map<string, string[]>();
  for (const root of new Set(asked)) {
    if (!known.has(root)) continue;
    // The tree has one parent per segment; `seen` only guards against a malformed cycle.
    const seen = new Set<string>();
    let level = [root];
    for (let depth = 0; depth <= maxDepth && level.length; depth++) {
      const next: string[] = [];
      for (const code of level) {
        if (seen.has(code)) continue;
        seen.add(code);
        const list = result.get(code);
        if (list) list.push(root);
        else result.set(code, [root]);
        next.push(...(children.get(code) ?? []));
      }
      level = next;
    }
  }
  return result;
}
