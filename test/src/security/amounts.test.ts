import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../harness';
import { gqlAs, tokenFor, type Principal } from '../roles';

/**
 * Order amounts never reach a viewer who may not see them, by any path: the order itself, a firm's
 * orders, trade links seen from either side, and the flows of the cluster map.
 */

const VIEWERS: Record<string, Principal | null> = {
  anonymous: null,
  admin: { role: 'ADMIN' },
  bureau: { role: 'BUREAU', districtCode: '500152' },
  investment: { role: 'INVESTMENT', districtCode: '500117' },
  supplierAofang: { role: 'FIRM', firmId: 'aofang' },
  buyerAnrui: { role: 'FIRM', firmId: 'anrui' },
  outsiderYian: { role: 'FIRM', firmId: 'yian' },
};
/** The viewers who may see the amounts between Aofang and Anrui. */
const SEES = new Set(['admin', 'bureau', 'supplierAofang', 'buyerAnrui']);

let server: TestServer;
const tokens: Record<string, string | null> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const [name, who] of Object.entries(VIEWERS)) tokens[name] = who ? await tokenFor(server.store, who) : null;
});
afterAll(() => server.close());

type Err = { path?: (string | number)[]; extensions?: Record<string, unknown> };

/** Every `amountCny` or `quantity` value found in the answer, with its path. */
function amountsIn(value: unknown, path: (string | number)[] = []): { path: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => amountsIn(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      k === 'amountCny' || k === 'quantity' ? [{ path: [...path, k].join('.'), value: v }] : amountsIn(v, [...path, k]),
    );
  }
  return [];
}

const PATHS = `{
  firm(id: "aofang") {
    customers(year: 2024) { firm { id } amountCny }
    orders(year: 2024) { edges { node { id buyer { id } amountCny quantity } } }
  }
  anrui: firm(id: "anrui") { suppliers(year: 2024) { firm { id } amountCny } }
  tradeFlows(year: 2024) { supplier { id } buyer { id } amountCny }
}`;

describe('order amounts', () => {
  for (const name of Object.keys(VIEWERS)) {
    it(`reach ${name} only where allowed`, async () => {
      const res = await gqlAs<Record<string, unknown>>(server.url, tokens[name] ?? null, PATHS);
      const data = res.data ?? {};
      const errors = (res.errors ?? []) as Err[];
      const between = (supplier: string, buyer: string) => SEES.has(name) || (name === 'outsiderYian' && [supplier, buyer].includes('yian'));

      // The cluster map: a flow's amount is visible exactly to the viewers allowed for that pair.
      const flows = data.tradeFlows as { supplier: { id: string }; buyer: { id: string }; amountCny: number | null }[];
      expect(flows.length).toBeGreaterThan(0);
      for (const f of flows) {
        const allowed = name === 'admin' || name === 'bureau' ||
          (name === 'supplierAofang' && [f.supplier.id, f.buyer.id].includes('aofang')) ||
          (name === 'buyerAnrui' && [f.supplier.id, f.buyer.id].includes('anrui')) ||
          (name === 'outsiderYian' && [f.supplier.id, f.buyer.id].includes('yian'));
        if (allowed) expect(f.amountCny).toBeTypeOf('number');
        else expect(f.amountCny).toBeNull();
      }

      // Aofang ↔ Anrui, seen from both sides and as orders.
      type Link = { firm: { id: string }; amountCny: number | null };
      const aofangToAnrui = [
        ...((data.firm as { customers: Link[] }).customers.filter((l) => l.firm.id === 'anrui')),
        ...((data.anrui as { suppliers: Link[] }).suppliers.filter((l) => l.firm.id === 'aofang')),
      ];
      expect(aofangToAnrui.length).toBe(2);
      for (const link of aofangToAnrui) {
        if (between('aofang', 'anrui')) expect(link.amountCny).toBeTypeOf('number');
        else expect(link.amountCny).toBeNull();
      }

      // Every hidden amount comes with a FORBIDDEN error at its path; no other errors.
      const forbiddenPaths = errors.filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => (e.path ?? []).join('.'));
      expect(errors.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
      for (const a of amountsIn(data).filter((x) => x.value === null && !x.path.endsWith('quantity'))) {
        expect(forbiddenPaths).toContain(a.path);
      }
      // A firm's order list is the firm's own business: outsiders do not get it at all.
      const orders = (data.firm as { orders: unknown } | undefined)?.orders;
      if (['admin', 'bureau', 'supplierAofang'].includes(name)) expect(orders).not.toBeNull();
      else {
        expect(orders).toBeNull();
        expect(forbiddenPaths).toContain('firm.orders');
      }
    });
  }
});
