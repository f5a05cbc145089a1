import { managesTargetsOf, targetDistrictsOf } from '../auth/policy';
import { targetsWithHistory, type TargetWithHistory } from '../investment/service';
import type { GraphContext } from './context';
import { forbidden } from './errors';

/**
 * The targets a request may see, fetched once per request: Segment.targets and ChainGap.targets on
 * a list of twenty gaps cost one store query, not twenty.
 */
const visible = new WeakMap<GraphContext, Promise<TargetWithHistory[]>>();

export function visibleTargets(ctx: GraphContext): Promise<TargetWithHistory[]> {
  let targets = visible.get(ctx);
  if (!targets) {
    const districts = targetDistrictsOf(ctx.viewer);
    targets = districts !== null && districts.length === 0 ? Promise.resolve([]) : targetsWithHistory(ctx.store, { districtCodes: districts });
    visible.set(ctx, targets);
  }
  return targets;
}

/** Drops the request's cached list after a write, so the mutation's answer shows the change. */
export function forgetVisibleTargets(ctx: GraphContext): void {
  visible.delete(ctx);
}

export function requireManages(ctx: GraphContext, districtCode: string, what: string): void {
  if (!managesTargetsOf(ctx.viewer, districtCode)) throw forbidden(`${what} of district ${districtCode}`);
}
