import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { readsAggregates, readsEverything } from '../auth/policy';
import type { GraphContext } from './context';
import { unauthenticated } from './errors';

export const builder = new SchemaBuilder<{
  Context: GraphContext;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: false;
  AuthScopes: {
    /** Any signed-in user. */
    signedIn: boolean;
    admin: boolean;
    /** ADMIN or BUREAU: reads everything in the region. */
    regionReader: boolean;
    /** ADMIN, BUREAU or INVESTMENT: reads aggregates such as gaps and supporting rates. */
    analyst: boolean;
  };
}>({
  // scope-auth first, so no other plugin's wrapper runs before the check.
  plugins: [ScopeAuthPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      admin: ctx.viewer?.role === 'ADMIN',
      regionReader: readsEverything(ctx.viewer),
      analyst: readsAggregates(ctx.viewer),
    }),
    // Anonymous callers of something that needs a sign-in are told to sign in; everyone else is refused.
    unauthorizedError: (_parent, ctx, info) =>
      ctx.viewer === null && info.parentType.name === 'Mutation'
        ? unauthenticated()
        : new GraphQLError(
            info.parentType.name === 'Mutation'
              ? `not allowed to call ${info.fieldName}`
              : `not allowed to see ${info.parentType.name}.${info.fieldName}`,
            { extensions: { code: 'FORBIDDEN' } },
          ),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
});

builder.queryType({});
builder.mutationType({});
