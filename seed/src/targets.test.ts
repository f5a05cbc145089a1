import { TARGET_PROGRESSION, TARGET_STAGES, idSchema, targetInputSchema } from '@yulian/schema';
import { describe, expect, it } from 'vitest';
import { articleDataset as ds } from './article';

const targets = ds.targets;
const current = (t: (typeof targets)[number]) => t.history[t.history.length - 1]?.stage;

describe('seed targets', () => {
  it('has a target in every stage, all in Hechuan and all synthetic with a reason', () => {
    expect(new Set(targets.map(current))).toEqual(new Set(TARGET_STAGES));
    for (const t of targets) {
      expect(t.districtCode).toBe('500117');
      expect(t.synthetic).toBe(true);
      expect(t.source.startsWith('Synthetic:')).toBe(true);
      expect(idSchema.safeParse(t.id).success).toBe(true);
    }
  });

  it('passes the API validator and points at records that exist', () => {
    const segments = new Set(ds.segments.map((s) => s.code));
    const firms = new Set(ds.firms.map((f) => f.id));
    for (const t of targets) {
      expect(targetInputSchema.safeParse(t).success, t.id).toBe(true);
      expect(segments.has(t.segmentCode), t.id).toBe(true);
      if (t.firmId) expect(firms.has(t.firmId), t.id).toBe(true);
      if (t.leaderId) expect(firms.has(t.leaderId), t.id).toBe(true);
    }
  });

  it('walks the stages as the API would: from LEAD, one step at a time or to DROPPED with a reason, in time order', () => {
    for (const t of targets) {
      expect(t.history[0]?.stage, t.id).toBe('LEAD');
      for (let i = 1; i < t.history.length; i++) {
        const [prev, next] = [t.history[i - 1], t.history[i]];
        if (!prev || !next) throw new Error('unreachable');
        expect(next.at > prev.at, t.id).toBe(true);
        if (next.stage === 'DROPPED') expect(next.reason?.trim(), t.id).toBeTruthy();
        else expect(TARGET_PROGRESSION.indexOf(next.stage as (typeof TARGET_PROGRESSION)[number]), t.id).toBe(TARGET_PROGRESSION.indexOf(prev.stage as (typeof TARGET_PROGRESSION)[number]) + 1);
      }
      const signedOrLater = t.history.some((s) => s.stage === 'SIGNED');
      if (signedOrLater) expect(t.agreementCny, t.id).toBeGreaterThan(0);
    }
  });
});
