import { managesTargetsOf, seesDemandOf, seesOrderAmount } from './policy';
import type { Viewer } from './viewer';

/**
 * What a reader of the audit log sees of an event's before and after: the entity as the API would
 * show it to that reader, by the same rules (policy.ts). Which events a reader gets at all is
 * decided in the query (policy.auditDistrictsOf); this cuts inside an event, so no event shows a
 * figure its reader could not ask the API for: an order's amount and quantity only for those who
 * see that order's amount, a need's yearly demand only for those who see it, a target only for
 * those who manage its district. A field withheld is null, and `hidden` names it, so a reader
 * can tell a withheld value from an empty one. Accounts, imports and any kind not named here are
 * shown to admins only. Admins see every event whole.
 */

type Entity = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function withheld(entity: Entity, keys: readonly string[]): Entity {
  const hidden = keys.filter((key) => Object.hasOwn(entity, key));
  return { ...entity, ...Object.fromEntries(hidden.map((key) => [key, null])), hidden };
}

/** Per kind of entity, what a viewer other than an admin may see of one state of it; null for nothing. */
const VIEWS: Readonly<Record<string, (viewer: Viewer, entity: Entity) => Entity | null>> = {
  // The directory (a firm's profile, what it makes, who mentors whom) and districts' goals are public.
  Firm: (_viewer, firm) => firm,
  Capability: (_viewer, capability) => capability,
  Support: (_viewer, tie) => tie,
  Goal: (_viewer, goal) => goal,
  Order: (viewer, order) =>
    seesOrderAmount(viewer, { supplierId: text(order.supplierId), buyerId: text(order.buyerId) }) ? order : withheld(order, ['amountCny', 'quantity']),
  Need: (viewer, need) => (seesDemandOf(viewer, text(need.firmId)) ? need : withheld(need, ['annualDemand'])),
  // Only bureaus and admins read the log, and a bureau gets an introduction's events only when a
  // party is in its district (audit-districts.ts): exactly those who follow it.
  Introduction: (_viewer, introduction) => introduction,
  Target: (viewer, target) => (managesTargetsOf(viewer, text(target.districtCode)) ? target : null),
};

/** One side (before or after, as stored JSON) of an event on an entity of `entityType`, as `viewer` may see it. */
export function auditStateFor(viewer: Viewer, entityType: string, json: string | null): string | null {
  if (json === null || viewer.role === 'ADMIN') return json;
  const view = VIEWS[entityType];
  if (!view) return null;
  let entity: unknown;
  try {
    entity = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof entity !== 'object' || entity === null || Array.isArray(entity)) return null;
  const shown = view(viewer, entity as Entity);
  return shown === null ? null : JSON.stringify(shown);
}

/** An event as `viewer` may see it: its before and after cut by auditStateFor. */
export function auditEventFor<E extends { entityType: string; before: string | null; after: string | null }>(viewer: Viewer, event: E): E {
  if (viewer.role === 'ADMIN') return event;
  return { ...event, before: auditStateFor(viewer, event.entityType, event.before), after: auditStateFor(viewer, event.entityType, event.after) };
}
