import type { Transaction } from '../store/port';
import {
  appendIntroductionEvent,
  createIntroduction,
  createPlanStep,
  deletePlanSteps,
  setStepMentor,
  type IntroductionCreate,
  type IntroductionEventWrite,
  type PlanStepWrite,
} from '../store/queries/introductions';

/** A plan step as a form or the seed gives it; its id and position are made when it is written. */
export interface PlanStepInput {
  kind: PlanStepWrite['kind'];
  description: string | null;
  amountCny: number | null;
  dueOn: string | null;
  doneOn: string | null;
  mentorId: string | null;
}

export type EventInput = Omit<IntroductionEventWrite, 'id' | 'introductionId'>;

/**
 * Writes a new introduction with its history and plan inside the caller's transaction: what a
 * proposal writes (one event, the plan copied from the need) and what the seed writes (a whole
 * story). Throws when a firm or the segment is gone, so the transaction writes nothing.
 */
export async function writeNewIntroduction(tx: Transaction, intro: IntroductionCreate, events: readonly EventInput[], steps: readonly PlanStepInput[]): Promise<void> {
  const created = await tx.run(createIntroduction(intro));
  if (created.length !== 1) throw new Error(`introduction ${intro.id} could not be written: a firm or the segment is gone`);
  for (const e of events) await appendEvent(tx, intro.id, e);
  await writePlanSteps(tx, intro.id, steps);
}

export async function appendEvent(tx: Transaction, introductionId: string, e: EventInput): Promise<void> {
  const [done] = await tx.run(appendIntroductionEvent({ ...e, id: `iev-${tx.newId()}`, introductionId }));
  if (!done) throw new Error(`introduction ${introductionId} is gone`);
}

/** Replaces an introduction's plan steps with `steps`, in their order. */
export async function writePlanSteps(tx: Transaction, introductionId: string, steps: readonly PlanStepInput[], replace = false): Promise<void> {
  if (replace) await tx.run(deletePlanSteps(introductionId));
  for (const [position, step] of steps.entries()) {
    const id = `step-${tx.newId()}`;
    const { mentorId, ...fields } = step;
    const [done] = await tx.run(createPlanStep({ ...fields, id, introductionId, position }));
    if (!done) throw new Error(`introduction ${introductionId} is gone`);
    if (mentorId) {
      const [linked] = await tx.run(setStepMentor(id, mentorId));
      if (!linked) throw new Error(`mentor ${mentorId} is gone`);
    }
  }
}
