import { introductionScopeOf } from '../auth/policy';
import { introductionsWithDetails, type IntroductionView } from '../introductions/service';
import type { IntroductionScope } from '../store/queries/introductions';
import type { GraphContext } from './context';

/**
 * The introductions a request's viewer follows, fetched once per request: ChainGap.introductions
 * on a list of twenty gaps costs one store read, not twenty.
 */
const visible = new WeakMap<GraphContext, Promise<IntroductionView[]>>();

/** The store filter of what the viewer follows, narrowed by `scope`; null when the viewer follows none. */
export function followedScope(ctx: GraphContext, scope: IntroductionScope = {}): IntroductionScope | null {
  const own = introductionScopeOf(ctx.viewer);
  if (own === 'none') return null;
  return { ...scope, ...(own ?? {}) };
}

export function visibleIntroductions(ctx: GraphContext): Promise<IntroductionView[]> {
  let list = visible.get(ctx);
  if (!list) {
    const scope = followedScope(ctx);
    list = scope === null ? Promise.resolve([]) : introductionsWithDetails(ctx.store, scope);
    visible.set(ctx, list);
  }
  return list;
}

/** Drops the request's cached list after a write, so the mutation's answer shows the change. */
export function forgetVisibleIntroductions(ctx: GraphContext): void {
  visible.delete(ctx);
}
