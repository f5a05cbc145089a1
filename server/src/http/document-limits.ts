import { GraphQLError, Lexer, parse, Source, TokenKind } from 'graphql';
import { MAX_NESTING, MAX_TOKENS } from './limits';

export type Limit = 'depth' | 'aliases' | 'directives' | 'tokens' | 'nesting' | 'cost';

export function limitError(limit: Limit, max: number, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', limit, max } });
}

const OPENING = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Counts tokens and bracket nesting before parsing. graphql-js parses recursively: a list value
 * nested a few thousand deep ([[[[…) fits in the token limit and still overflows the stack, which
 * yoga could only answer as an unexpected error with status 500. Lexing stops at the token limit,
 * so a huge document costs no more than a refused one.
 */
function checkShape(source: Source): void {
  const lexer = new Lexer(source);
  let tokens = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++tokens > MAX_TOKENS) throw limitError('tokens', MAX_TOKENS, `Token limit of ${MAX_TOKENS} exceeded.`);
      if (OPENING.has(token.kind) && ++nesting > MAX_NESTING) {
        throw limitError('nesting', MAX_NESTING, `Nesting limit of ${MAX_NESTING} exceeded.`);
      }
      if (CLOSING.has(token.kind)) nesting--;
    }
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'QUERY_TOO_COMPLEX') throw error;
    // A lexical error: parse() reports it in its own words.
  }
}

/** The parse function yoga uses: limits first, then graphql-js (which also stops at maxTokens). */
export function parseWithLimits(source: string | Source, options?: Parameters<typeof parse>[1]) {
  const body = typeof source === 'string' ? new Source(source) : source;
  checkShape(body);
  return parse(body, { ...options, maxTokens: MAX_TOKENS });
}
