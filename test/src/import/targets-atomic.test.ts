import { queries, type Viewer } from '@yulian/server';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTargets } from '../../../server/src/import/check-links';
import { commitPlan, ImportConflictError } from '../../../server/src/import/commit';
import { readSheet } from '../../../server/src/import/read-table';
import { validateSheet } from '../../../server/src/import/validate';
import { openTempStore, type TempStore } from '../harness';
import { fullDump, templateCsv } from './helpers';

/**
 * A target plan checked earlier than it is written (commitPlan outside runImport) applies a move
 * only if the target is still in the stage the check saw, as moveTarget does; otherwise the whole
 * import, new targets and history entries included, is rolled back.
 */

const hechuan: Viewer = { userId: 'atomic-hc', username: 'atomic-hc', displayName: null, role: 'INVESTMENT', districtCode: '500117', firmId: null, sessionId: 'atomic-hc' };
const stores: TempStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close().catch(() => undefined);
});

describe('a target import commits whole or not at all', () => {
  it('a stage moved by someone else since the check stops the commit and leaves nothing behind', async () => {
    const temp = await openTempStore();
    stores.push(temp);
    const file = templateCsv('targets', [
      { id: 'tgt-atomic-new', name: '示例原子导入目标', districtCode: '500117', segmentCode: 'BEARING', stage: 'LEAD' },
      { id: 'tgt-hc-bearing-lead', name: '示例精密轴承（江苏）有限公司', districtCode: '500117', segmentCode: 'BEARING', stage: 'CONTACTED', leaderId: 'jianya', owner: '招商一科（示例）' },
    ]);
    const validated = await validateSheet('targets', await readSheet(Buffer.from(file)), 'en');
    const plan = await checkTargets(temp.store, validated, hechuan, 'en');
    expect(plan.errors).toEqual([]);
    expect(plan.rows.map((r) => r.action)).toEqual(['create', 'update']);

    // Someone drags the card on the board between the check and the commit.
    await temp.store.write((tx) => tx.run(queries.moveTargetStage({ id: 'tgt-hc-bearing-lead', from: 'LEAD', to: 'DROPPED', at: new Date().toISOString(), dropReason: '企业另有选择' })));
    const before = await fullDump(temp.store);
    await expect(commitPlan(temp.store, plan, { viewer: hechuan, batchSize: 1, fileName: 'atomic.csv' })).rejects.toThrow(ImportConflictError);
    expect(await fullDump(temp.store)).toEqual(before);

    // Checked again, the row is refused as the API would refuse the move.
    const again = await checkTargets(temp.store, validated, hechuan, 'en');
    expect(again.errors).toEqual([{ row: 4, column: 'stage', value: 'CONTACTED', message: 'a dropped target cannot move; create a new target instead' }]);
  });
});
