import type { Decision } from './decision';
import { CommandRefused } from './refusals';

/**
 * The writes of a batch the system itself makes (seeding): every decision must be an acceptance,
 * since a refusal there means the dataset breaks a rule, which is a bug to hear about at once.
 */
export function acceptedOrThrow<W>(decisions: readonly Decision<W>[], what: string): W[] {
  return decisions.map((decision, i) => {
    if (decision.write !== undefined) return decision.write;
    const [first, ...rest] = decision.refusals;
    if (!first) throw new Error(`${what} ${i}: refused without a reason`);
    throw new CommandRefused([{ ...first, field: `${what}[${i}].${first.field}` }, ...rest]);
  });
}
