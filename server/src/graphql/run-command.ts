import { GraphQLError } from 'graphql';
import { WriteConflict } from '../commands/conflict';
import type { CommandContext } from '../commands/context';
import { CommandRefused, refusalCode, refusalText, type Refusal } from '../commands/refusals';
import type { GraphContext } from './context';
import { unauthenticated } from './errors';

/**
 * Runs one command in its own write transaction, as the signed-in viewer. A refusal becomes the
 * API's error: its code, and the field named by its path under `root` (`input.districtCode`), or by
 * the argument `argNames` maps it to where the API calls a field otherwise. A change made meanwhile
 * (WriteConflict) is refused on `stage`, to be reloaded and tried again.
 */
export async function runCommand<T>(
  ctx: GraphContext,
  root: string,
  work: (command: CommandContext) => Promise<T>,
  argNames: Readonly<Record<string, string>> = {},
): Promise<T> {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  try {
    return await ctx.store.write((tx) => work({ tx, viewer, now: new Date() }));
  } catch (error) {
    if (error instanceof CommandRefused) throw refusalError(error.refusals[0], root, argNames);
    if (error instanceof WriteConflict) throw new GraphQLError(`changed meanwhile: ${error.message}; reload and try again`, { extensions: { code: 'BAD_USER_INPUT', field: 'stage' } });
    throw error;
  }
}

function refusalError(refusal: Refusal, root: string, argNames: Readonly<Record<string, string>>): GraphQLError {
  const path = (field: string) => {
    const name = argNames[field] ?? field;
    return root ? `${root}.${name}` : name;
  };
  const text = refusalText({ ...refusal, fields: refusal.fields?.map(path) }, 'en');
  const field = path(refusal.field);
  const value = refusal.value === undefined ? '' : ` ${JSON.stringify(refusal.value)}`;
  return new GraphQLError(`${field}: ${text}${value}`, { extensions: { code: refusalCode(refusal), field } });
}
