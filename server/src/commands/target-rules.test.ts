import { describe, expect, it } from 'vitest';
import type { TargetRow } from '../store/queries';
import { judgeTarget, type ExistingTarget, type Judgement, type TargetRecord } from './target-rules';

const NOW = new Date('2025-06-10T04:00:00.000Z');

function record(fields: Partial<TargetRecord> = {}): TargetRecord {
  return {
    id: 'tgt-1', name: '示例轴承企业', districtCode: '500117', segmentCode: 'BEARING', stage: 'LEAD', firmId: null, leaderId: null,
    agreementCny: null, investmentCny: null, fundsInPlaceCny: null, expectedOutputCny: null, owner: null, contact: null, notes: null,
    dropReason: null, createdOn: null, signedOn: null, startedOn: null, producingOn: null, droppedOn: null, synthetic: false, source: null,
    ...fields,
  };
}

function stored(fields: Partial<TargetRow>, reachedAt: ExistingTarget['reachedAt'] = {}, lastAt: string | null = '2025-03-01T02:00:00.000Z'): ExistingTarget {
  const { createdOn: _c, signedOn: _s, startedOn: _st, producingOn: _p, droppedOn: _d, ...base } = record();
  return {
    row: { ...base, stage: 'LEAD', createdAt: '2025-01-05T02:00:00.000Z', updatedAt: '2025-03-01T02:00:00.000Z', ...fields },
    reachedAt,
    lastAt,
  };
}

const problems = (j: Judgement) => (j.ok ? [] : j.problems);
const target = (j: Judgement) => {
  if (!j.ok) throw new Error(JSON.stringify(j.problems));
  return j.target;
};

describe('a new target from a file', () => {
  it('comes in at its current stage with one history entry per milestone day', () => {
    const t = target(judgeTarget(record({ stage: 'STARTED', agreementCny: 8e8, createdOn: '2024-10-12', signedOn: '2025-03-18', startedOn: '2025-03-18' }), undefined, NOW, 'en'));
    expect(t.createdAt).toBe('2024-10-11T16:00:00.000Z');
    expect(t.events.map((e) => [e.stage, e.fromStage, e.at])).toEqual([
      ['SIGNED', null, '2025-03-17T16:00:00.000Z'],
      // Same day: one millisecond later, so the order of the two stays in the history.
      ['STARTED', 'SIGNED', '2025-03-17T16:00:00.001Z'],
    ]);
  });

  it('a lead is filed on its day, later early stages are entered now', () => {
    expect(target(judgeTarget(record({ createdOn: '2025-02-01' }), undefined, NOW, 'en')).events).toEqual([
      { stage: 'LEAD', fromStage: null, at: '2025-01-31T16:00:00.000Z', reason: null, detail: null },
    ]);
    const negotiating = target(judgeTarget(record({ stage: 'NEGOTIATING' }), undefined, NOW, 'en'));
    expect(negotiating.createdAt).toBe(NOW.toISOString());
    expect(negotiating.events.map((e) => [e.stage, e.at])).toEqual([['NEGOTIATING', NOW.toISOString()]]);
  });

  it('needs the agreement amount and the days of the milestones it reached, and no others', () => {
    expect(problems(judgeTarget(record({ stage: 'PRODUCING', signedOn: '2025-01-02' }), undefined, NOW, 'en'))).toEqual([
      { key: 'agreementCny', message: 'agreementRequired' },
      { key: 'startedOn', message: 'dateRequired' },
      { key: 'producingOn', message: 'dateRequired' },
    ]);
    expect(problems(judgeTarget(record({ stage: 'NEGOTIATING', signedOn: '2025-01-02' }), undefined, NOW, 'en'))).toEqual([
      { key: 'signedOn', message: 'stageNotReached' },
    ]);
  });

  it('a dropped one needs its reason; a reason on any other is refused', () => {
    expect(problems(judgeTarget(record({ stage: 'DROPPED' }), undefined, NOW, 'en'))).toEqual([{ key: 'dropReason', message: 'dropReasonRequired' }]);
    expect(problems(judgeTarget(record({ dropReason: '用地未谈拢' }), undefined, NOW, 'en'))).toEqual([{ key: 'dropReason', message: 'dropReasonNotDropped' }]);
    const dropped = target(judgeTarget(record({ stage: 'DROPPED', dropReason: '用地未谈拢', signedOn: '2025-01-02', droppedOn: '2025-03-05' }), undefined, NOW, 'en'));
    expect(dropped.events.map((e) => [e.stage, e.reason])).toEqual([['SIGNED', null], ['DROPPED', '用地未谈拢']]);
  });

  it('days keep the history’s order and none is in the future', () => {
    expect(problems(judgeTarget(record({ stage: 'SIGNED', agreementCny: 1, createdOn: '2025-04-01', signedOn: '2025-03-01' }), undefined, NOW, 'en'))).toEqual([
      { key: 'signedOn', text: 'must not be before createdOn' },
    ]);
    expect(problems(judgeTarget(record({ createdOn: '2025-06-11' }), undefined, NOW, 'zh'))).toEqual([{ key: 'createdOn', message: 'dateInFuture' }]);
  });
});

describe('an existing target from a file', () => {
  it('changes nothing when the row says what the store holds', () => {
    const t = target(judgeTarget(record({ createdOn: '2025-01-05' }), stored({}), NOW, 'en'));
    expect(t.changed).toEqual([]);
    expect(t.events).toEqual([]);
  });

  it('notes edited fields in one history entry, as the API does', () => {
    const t = target(judgeTarget(record({ notes: '已拜访', owner: '招商一科' }), stored({}), NOW, 'en'));
    expect(t.changed).toEqual(['owner', 'notes']);
    expect(t.events).toEqual([{ stage: 'LEAD', fromStage: 'LEAD', at: NOW.toISOString(), reason: null, detail: 'edited: owner, notes' }]);
  });

  it('moves as moveTarget does: one step forward, or dropped with a reason', () => {
    expect(problems(judgeTarget(record({ stage: 'NEGOTIATING' }), stored({}), NOW, 'en'))).toEqual([
      { key: 'stage', text: 'must be CONTACTED or DROPPED: a target moves one stage at a time from LEAD' },
    ]);
    expect(problems(judgeTarget(record({ stage: 'SIGNED' }), stored({ stage: 'NEGOTIATING' }), NOW, 'en'))).toEqual([
      { key: 'agreementCny', message: 'agreementRequired' },
    ]);
    expect(problems(judgeTarget(record({ stage: 'LEAD' }), stored({ stage: 'DROPPED', dropReason: 'x' }), NOW, 'en'))).toEqual([
      { key: 'stage', message: 'targetDropped' },
    ]);
    expect(problems(judgeTarget(record({ stage: 'DROPPED', dropReason: '转投他省' }), stored({ stage: 'PRODUCING', agreementCny: 1 }), NOW, 'en'))).toEqual([
      { key: 'stage', message: 'targetProducing' },
    ]);
    const moved = target(judgeTarget(record({ stage: 'SIGNED', agreementCny: 5e8, signedOn: '2025-05-20' }), stored({ stage: 'NEGOTIATING' }), NOW, 'en'));
    expect(moved.fromStage).toBe('NEGOTIATING');
    expect(moved.events).toEqual([
      { stage: 'SIGNED', fromStage: 'NEGOTIATING', at: '2025-05-19T16:00:00.000Z', reason: null, detail: 'edited: agreementCny' },
    ]);
  });

  it('keeps recorded days and its district', () => {
    const signed = stored({ stage: 'SIGNED', agreementCny: 5e8 }, { SIGNED: '2025-03-18T02:00:00.000Z' });
    expect(target(judgeTarget(record({ stage: 'SIGNED', agreementCny: 5e8, signedOn: '2025-03-18' }), signed, NOW, 'en')).events).toEqual([]);
    expect(problems(judgeTarget(record({ stage: 'SIGNED', agreementCny: 5e8, signedOn: '2025-03-19' }), signed, NOW, 'en'))).toEqual([
      { key: 'signedOn', message: 'dateFixed' },
    ]);
    expect(problems(judgeTarget(record({ districtCode: '500118' }), stored({}), NOW, 'en'))).toEqual([{ key: 'districtCode', message: 'targetDistrictFixed' }]);
    expect(problems(judgeTarget(record({ stage: 'CONTACTED', createdOn: '2025-01-05' }), stored({}, {}, '2025-03-01T02:00:00.000Z'), NOW, 'en'))).toEqual([]);
  });

  it('a move dated by the file may not come before the last entry', () => {
    const e = stored({ stage: 'NEGOTIATING' }, {}, '2025-05-01T02:00:00.000Z');
    expect(problems(judgeTarget(record({ stage: 'SIGNED', agreementCny: 1, signedOn: '2025-04-30' }), e, NOW, 'en'))).toEqual([
      { key: 'signedOn', text: 'must not be before 2025-05-01' },
    ]);
  });
});
