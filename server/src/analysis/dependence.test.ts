import { describe, expect, it } from 'vitest';
import { dependenceOf, type SaleLink } from './dependence';

const sale = (buyerId: string, amountCny: number, kind = 'SUPPLY', supplierId = 'tianchiyu'): SaleLink => ({ supplierId, buyerId, kind, amountCny });

describe('dependence', () => {
  it('gives each customer its share of the firm’s supply sales, largest first, summing to 1', () => {
    const result = dependenceOf('tianchiyu', [sale('pingwei', 48), sale('changan', 20), sale('seres', 12)]);
    expect(result.map((d) => d.customerId)).toEqual(['pingwei', 'changan', 'seres']);
    expect(result[0]?.share).toBeCloseTo(0.6, 10);
    expect(result.reduce((s, d) => s + d.share, 0)).toBeCloseTo(1, 12);
    expect(result[0]?.amountCny).toBe(48);
  });

  it('adds up several segments sold to the same customer', () => {
    const result = dependenceOf('tianchiyu', [sale('pingwei', 30), sale('pingwei', 10), sale('changan', 40)]);
    expect(result).toEqual([
      { customerId: 'changan', amountCny: 40, share: 0.5 },
      { customerId: 'pingwei', amountCny: 40, share: 0.5 },
    ]);
  });

  it('leaves out scrap returns, other firms’ sales and sales to itself', () => {
    const result = dependenceOf('ruitong', [
      sale('pingwei', 30, 'SUPPLY', 'ruitong'),
      sale('shunbo', 17, 'SCRAP_RETURN', 'ruitong'),
      sale('ruitong', 83, 'SUPPLY', 'shunbo'),
      sale('ruitong', 5, 'SUPPLY', 'ruitong'),
    ]);
    expect(result).toEqual([{ customerId: 'pingwei', amountCny: 30, share: 1 }]);
  });

  it('is empty for a firm that sold nothing', () => {
    expect(dependenceOf('nobody', [])).toEqual([]);
    expect(dependenceOf('tianchiyu', [sale('pingwei', 0)])).toEqual([]);
  });
});
