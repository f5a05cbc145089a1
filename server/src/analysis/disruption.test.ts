import { describe, expect, it } from 'vitest';
import { disruptionLosses, feedsRule, type SegmentFeed, type SupplyFlow } from './disruption';

const flow = (supplierId: string, buyerId: string, segmentCode: string, amountCny: number): SupplyFlow => ({
  supplierId,
  buyerId,
  segmentCode,
  amountCny,
});
const feed = (fromCode: string, toCode: string): SegmentFeed => ({ fromCode, toCode });

const axleFeeds = [
  feed('IRON_CASTING', 'BRAKE_DRUM'),
  feed('BRAKE_DRUM', 'DRIVE_AXLE'),
  feed('FORGING', 'GEAR'),
  feed('GEAR', 'DRIVE_AXLE'),
  feed('DRIVE_AXLE', 'VEHICLE_ASSEMBLY'),
  feed('STAMPED_WELDED', 'VEHICLE_ASSEMBLY'),
];

/** Yi'an's drums go into Jianya's axles, which go to Changan; Jianya's gears to a gearbox maker do not need drums. */
const axleChain = [
  flow('yian', 'jianya', 'BRAKE_DRUM', 25),
  flow('jianya', 'changan', 'DRIVE_AXLE', 300),
  flow('jianya', 'gearbox', 'GEAR', 8),
  flow('changan', 'dealer', 'VEHICLE_ASSEMBLY', 900),
  flow('other', 'changan', 'STAMPED_WELDED', 20),
];

const summary = (losses: ReturnType<typeof disruptionLosses>) =>
  losses.map((l) => `${l.tier}:${l.lostSupplierId}>${l.buyerId}:${l.segmentCode}:${l.amountCny}`);

describe('disruption', () => {
  it('follows lost supply tier by tier along the FEEDS links', () => {
    expect(summary(disruptionLosses('yian', 3, axleChain, axleFeeds))).toEqual([
      '1:yian>jianya:BRAKE_DRUM:25',
      '2:jianya>changan:DRIVE_AXLE:300',
      '3:changan>dealer:VEHICLE_ASSEMBLY:900',
    ]);
  });

  it('stops after the requested number of tiers', () => {
    expect(summary(disruptionLosses('yian', 1, axleChain, axleFeeds))).toEqual(['1:yian>jianya:BRAKE_DRUM:25']);
    expect(disruptionLosses('yian', 2, axleChain, axleFeeds).map((l) => l.tier)).toEqual([1, 2]);
  });

  it('loses every flow of the stopped firm at tier 1, summed per buyer and segment, largest first', () => {
    const losses = disruptionLosses('jianya', 1, [...axleChain, flow('jianya', 'changan', 'DRIVE_AXLE', 40)], axleFeeds);
    expect(summary(losses)).toEqual(['1:jianya>changan:DRIVE_AXLE:340', '1:jianya>gearbox:GEAR:8']);
  });

  it('never reaches a firm twice: not the stopped firm round a loop, not a firm reached at an earlier tier', () => {
    const losses = disruptionLosses(
      'shunbo',
      6,
      [
        flow('shunbo', 'ruitong', 'RECYCLED_AL', 83),
        flow('ruitong', 'shunbo', 'AL_DIE_CASTING', 17),
        flow('shunbo', 'pingwei', 'RECYCLED_AL', 5),
        flow('ruitong', 'pingwei', 'AL_DIE_CASTING', 30),
        flow('pingwei', 'changan', 'BATTERY_ENCLOSURE', 500),
      ],
      [feed('RECYCLED_AL', 'AL_DIE_CASTING'), feed('AL_DIE_CASTING', 'BATTERY_ENCLOSURE')],
    );
    expect(summary(losses)).toEqual([
      '1:shunbo>ruitong:RECYCLED_AL:83',
      '1:shunbo>pingwei:RECYCLED_AL:5',
      '2:pingwei>changan:BATTERY_ENCLOSURE:500',
    ]);
  });

  it('lists every failing supplier of a firm reached from two sides at the same tier, and expands it once', () => {
    const losses = disruptionLosses(
      'mill',
      3,
      [
        flow('mill', 'a', 'FORGING', 1),
        flow('mill', 'b', 'FORGING', 2),
        flow('a', 'axle', 'GEAR', 3),
        flow('b', 'axle', 'GEAR', 4),
        flow('axle', 'oem', 'DRIVE_AXLE', 10),
      ],
      axleFeeds,
    );
    expect(summary(losses)).toEqual([
      '1:mill>b:FORGING:2',
      '1:mill>a:FORGING:1',
      '2:b>axle:GEAR:4',
      '2:a>axle:GEAR:3',
      '3:axle>oem:DRIVE_AXLE:10',
    ]);
  });
});

describe('the FEEDS rule for onward supply', () => {
  const affects = feedsRule(axleFeeds);

  it('holds onward segments fed by a lost one, directly or through other segments', () => {
    expect(affects(new Set(['BRAKE_DRUM']), 'DRIVE_AXLE')).toBe(true);
    expect(affects(new Set(['FORGING']), 'DRIVE_AXLE')).toBe(true);
    expect(affects(new Set(['IRON_CASTING']), 'VEHICLE_ASSEMBLY')).toBe(true);
  });

  it('holds a lost segment passed on as it is', () => {
    expect(affects(new Set(['GEAR']), 'GEAR')).toBe(true);
  });

  it('spares onward segments the lost ones are known not to feed', () => {
    expect(affects(new Set(['BRAKE_DRUM']), 'GEAR')).toBe(false);
    expect(affects(new Set(['STAMPED_WELDED']), 'DRIVE_AXLE')).toBe(false);
  });

  it('puts all onward supply at risk when FEEDS says nothing about where a lost segment goes', () => {
    expect(affects(new Set(['MYSTERY']), 'GEAR')).toBe(true);
    expect(affects(new Set(['BRAKE_DRUM', 'MYSTERY']), 'GEAR')).toBe(true);
    const losses = disruptionLosses('x', 2, [flow('x', 'y', 'MYSTERY', 1), flow('y', 'z', 'GEAR', 2), flow('y', 'w', 'TRIM', 3)], axleFeeds);
    expect(summary(losses)).toEqual(['1:x>y:MYSTERY:1', '2:y>w:TRIM:3', '2:y>z:GEAR:2']);
  });

  it('is a whole-onward rule with no FEEDS at all', () => {
    const losses = disruptionLosses('yian', 2, axleChain, []);
    expect(summary(losses)).toEqual(['1:yian>jianya:BRAKE_DRUM:25', '2:jianya>changan:DRIVE_AXLE:300', '2:jianya>gearbox:GEAR:8']);
  });
});
