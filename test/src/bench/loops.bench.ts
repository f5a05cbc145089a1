import { bench, describe } from 'vitest';
import { Prng } from '../../../seed/src/synthetic/prng';
import { findMaterialLoops } from '../../../server/src/analysis/loops';
import { layeredTradeGraph } from '../../../server/src/analysis/loops-workload';

// Built once: the bench times the cycle search, not the graph's construction.
const random = new Prng(42);
const edges = layeredTradeGraph(() => random.next());

describe('material loops', () => {
  bench('find loops of up to four firms in 100k firms / 300k trade edges', () => {
    findMaterialLoops(edges);
  }, { iterations: 5, time: 0 });
});
