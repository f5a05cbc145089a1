import type { AnsweredWrite, Fields, ImportGroup, LedgerView } from './ledger';
import type { RestoreExpectation } from './verify-folder';

/** What the matrix asks checker-child.ts to check: one folder against a ledger view, as one JSON line. */
export interface CheckRequest {
  dir: string;
  view: LedgerView;
  lane: { prefix: string; since: string };
  restore?: RestoreExpectation;
}

interface WireRequest extends Omit<CheckRequest, 'view'> {
  view: { possible: [string, (Fields | null)[]][]; answered: AnsweredWrite[]; imports: ImportGroup[] };
}

export function checkRequestLine(request: CheckRequest): string {
  const wire: WireRequest = {
    ...request,
    view: { possible: [...request.view.possible].map(([k, v]) => [k, [...v]]), answered: [...request.view.answered], imports: [...request.view.imports] },
  };
  return JSON.stringify(wire);
}

export function parseCheckRequest(line: string): CheckRequest {
  const wire = JSON.parse(line) as WireRequest;
  return { ...wire, view: { ...wire.view, possible: new Map(wire.view.possible) } };
}
