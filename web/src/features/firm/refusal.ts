import { refusedField } from '../../api/client';

/** Why a save failed, and on which form field to show it. Pure, so it is unit-tested directly. */
export interface Refusal<F extends string> {
  /** The form field the server refused, when the form has one for it; else the refusal is the form's as a whole. */
  field: F | null;
  /** The server's words; without the field path it starts with when the field is shown beside them. */
  reason: string;
}

/**
 * Reads a failed save. The server names the input it refused in `extensions.field`
 * (`input.amountCny`); `fieldOf` maps the API's names to the form's (`amountCny` → `amount`). A
 * path into a list (`input.certifications.0`) belongs to the list's field.
 */
export function readRefusal<F extends string>(error: unknown, fieldOf: Readonly<Partial<Record<string, F>>>): Refusal<F> {
  const message = error instanceof Error ? error.message : String(error);
  const path = refusedField(error);
  if (path === null) return { field: null, reason: message };
  const steps = path.replace(/^input\./, '').split('.');
  for (let n = steps.length; n > 0; n -= 1) {
    const name = steps.slice(0, n).join('.');
    // Own keys only: "constructor" must not find Object.prototype's.
    const field = Object.hasOwn(fieldOf, name) ? fieldOf[name] : undefined;
    if (field) return { field, reason: message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message };
  }
  return { field: null, reason: message };
}
