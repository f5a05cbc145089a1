import type { Query } from '../port';
import {
  appendTargetEvent,
  createTarget,
  existingTargetIds,
  findTargets,
  moveTargetStage,
  setTargetFirm,
  targetEvents,
  updateTarget,
} from './targets';

/** Every shape of the target queries, for the Neo4j lint test and the store contract suite. */
export function targetExamples(): Query[] {
  const fields = {
    id: 'tgt-hc-bearing-lead',
    name: '示例轴承企业合川基地',
    segmentCode: 'BEARING',
    agreementCny: null,
    investmentCny: 600_000_000,
    fundsInPlaceCny: null,
    expectedOutputCny: 900_000_000.5,
    owner: '张科长',
    contact: '023-0000-0000',
    notes: null,
    updatedAt: '2025-05-14T09:30:00.000Z',
  };
  return [
    findTargets({}),
    findTargets({ districtCodes: ['500117'], segmentCodes: ['BEARING', 'AL_EXTRUSION'], stage: 'NEGOTIATING' }),
    findTargets({ ids: ['tgt-hc-bearing-lead'] }),
    findTargets({ districtCodes: ['500117'] }),
    targetEvents(['tgt-hc-bearing-lead', 'tgt-hc-extrusion-started']),
    existingTargetIds(['tgt-hc-bearing-lead']),
    createTarget({
      ...fields,
      id: 'tgt-new-example',
      districtCode: '500117',
      stage: 'LEAD',
      dropReason: null,
      createdAt: '2025-05-14T09:30:00.000Z',
      synthetic: false,
      source: null,
    }),
    updateTarget(fields),
    setTargetFirm('tgt-hc-bearing-lead', 'TARGET_FIRM', 'syn-liangjiang-bearing'),
    setTargetFirm('tgt-hc-bearing-lead', 'TARGET_FIRM', null),
    setTargetFirm('tgt-hc-bearing-lead', 'TARGET_LEADER', 'jianya'),
    setTargetFirm('tgt-hc-bearing-lead', 'TARGET_LEADER', null),
    moveTargetStage({ id: 'tgt-hc-bearing-lead', from: 'LEAD', to: 'CONTACTED', at: '2025-05-14T09:30:00.000Z' }),
    moveTargetStage({ id: 'tgt-hc-bearing-lead', from: 'NEGOTIATING', to: 'SIGNED', at: '2025-05-14T09:30:00.000Z', agreementCny: 800_000_000 }),
    moveTargetStage({ id: 'tgt-hc-bearing-lead', from: 'LEAD', to: 'DROPPED', at: '2025-05-14T09:30:00.000Z', dropReason: '投资方转投他省' }),
    appendTargetEvent({
      id: 'tev-example-1',
      targetId: 'tgt-hc-bearing-lead',
      stage: 'CONTACTED',
      fromStage: 'LEAD',
      at: '2025-05-14T09:30:00.000Z',
      actor: 'hechuan-investment',
      note: '首次拜访',
      reason: null,
    }),
    appendTargetEvent({
      id: 'tev-example-2',
      targetId: 'tgt-hc-bearing-lead',
      stage: 'LEAD',
      fromStage: null,
      at: '2025-05-14T09:30:00.000Z',
      actor: null,
      note: null,
      reason: null,
    }),
  ];
}
