import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import {
  GraphQLError,
  type ExecutionResult,
  type GraphQLFormattedError,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { costLimitRule } from './cost';
import { limitError, parseWithLimits, type Limit } from './document-limits';
import { MAX_ALIASES, MAX_COST, MAX_DEPTH, MAX_DIRECTIVES } from './limits';
import { maskError } from './mask-error';

/**
 * The yoga side of the hardened endpoint: operation limits, no field suggestions, introspection
 * only in development, CSRF prevention. The express side (headers, body size, rate) is guards.ts.
 */

/** The header the web app sends; a browser cannot add it to a cross-site "simple" request. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export interface HardeningOptions {
  development: boolean;
}

/**
 * GraphQL Armor's rules phrase every refusal as a "Syntax Error" and abort validation by throwing;
 * reporting instead keeps graphql-js's own errors and lets each refusal carry a code.
 */
function armor(limit: Limit, max: number) {
  return {
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(limitError(limit, max, error.message.replace(/^Syntax Error:\s*/, ''))),
    ],
  };
}

export const operationLimitRules: ValidationRule[] = [
  // Fragments are a way to write a selection, not a level of nesting.
  maxDepthRule({ ...armor('depth', MAX_DEPTH), flattenFragments: true }),
  maxAliasesRule(armor('aliases', MAX_ALIASES)),
  maxDirectivesRule(armor('directives', MAX_DIRECTIVES)),
  costLimitRule({ maxCost: MAX_COST }),
];

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Removes "Did you mean …?", so a typo cannot be used to map the schema piece by piece, and the
 * `originalError` yoga attaches to some request errors (a JSON parser's message, say): an answer
 * carries a message and a code, never what went wrong inside.
 */
export function cleanError(error: GraphQLFormattedError): GraphQLFormattedError {
  const { originalError: _internal, ...extensions } = error.extensions ?? {};
  return {
    ...error,
    message: error.message.replace(SUGGESTION, ''),
    ...(error.extensions ? { extensions } : {}),
  };
}

function stringifyClean(result: ExecutionResult): string {
  const errors = result.errors?.map((e) => cleanError(e instanceof GraphQLError ? e.toJSON() : e));
  return JSON.stringify(errors ? { ...result, errors } : result);
}

/**
 * Suggestions come from validation (unknown fields, arguments, types) and from variable coercion
 * (unknown input fields, enum values) during execution; GraphQL Armor's plugin only sees the
 * first. So the answer is cleaned where every error passes: as it is serialised, after yoga has
 * chosen the status code (which looks at `originalError`).
 */
function useCleanErrors(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (isAsyncIterable(result) || Array.isArray(result)) return; // batching and streaming are off
      setResult({ ...result, stringify: stringifyClean });
    },
  };
}

function useOperationLimits(): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn(parseWithLimits);
    },
    onValidate({ addValidationRule }) {
      for (const rule of operationLimitRules) addValidationRule(rule);
    },
  };
}

export function hardeningPlugins({ development }: HardeningOptions) {
  return [
    useOperationLimits(),
    useCleanErrors(),
    useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
    ...(development ? [] : [useDisableIntrospection()]),
  ];
}

/** Options for createYoga that belong to the hardening, so app.ts stays about wiring. */
export function hardenedYogaOptions({ development }: HardeningOptions) {
  return {
    plugins: hardeningPlugins({ development }),
    graphiql: development,
    landingPage: false,
    // The web app is served from the same origin; yoga's default CORS would echo any origin and
    // allow credentials.
    cors: false,
    // No Upload scalar: multipart bodies would only be another way in.
    multipart: false,
    // One operation per request, so the limits above bound a request.
    batching: false,
    maskedErrors: { maskError, isDev: false },
  } as const;
}
