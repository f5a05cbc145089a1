import type { ChangedEntity, StoreChange } from '../store/changes';

/**
 * The changes committed since a kept fact was read, gathered per kind of change: what each kept
 * fact asks when it catches up (store-facts.ts). Pure, so that what a change touches is decided in
 * one place and tested without a store.
 */
export interface ChangeSummary {
  /** Whether any change is of one of these kinds (with or without firms). */
  touches(entities: readonly ChangedEntity[]): boolean;
  /** The firms that changes of these kinds touched. */
  firmsOf(entities: readonly ChangedEntity[]): Set<string>;
  /** Distinct firms touched by any change: what catching up costs grows with it. */
  readonly firmCount: number;
}

export function summarizeChanges(changes: readonly StoreChange[]): ChangeSummary {
  const byEntity = new Map<ChangedEntity, Set<string>>();
  const all = new Set<string>();
  for (const change of changes) {
    let firms = byEntity.get(change.entity);
    if (!firms) byEntity.set(change.entity, (firms = new Set()));
    for (const id of change.firmIds) {
      firms.add(id);
      all.add(id);
    }
  }
  return {
    touches: (entities) => entities.some((entity) => byEntity.has(entity)),
    firmsOf(entities) {
      const found = new Set<string>();
      for (const entity of entities) for (const id of byEntity.get(entity) ?? []) found.add(id);
      return found;
    },
    firmCount: all.size,
  };
}

/** A record so that a kind of change added to the port cannot be missing here. */
const EVERY_ENTITY: Record<ChangedEntity, true> = {
  Firm: true,
  Capability: true,
  Need: true,
  Order: true,
  Support: true,
  Target: true,
  Introduction: true,
  Goal: true,
  User: true,
  Session: true,
  Audit: true,
  // Never reaches a summary (the commit log reports such a commit as "everything"), listed for completeness.
  Reference: true,
};

/** Every kind of change: a fact that names none of its own depends on all of them. */
export const ALL_ENTITIES = Object.keys(EVERY_ENTITY) as readonly ChangedEntity[];
