import { describe, expect, it } from 'vitest';
import { creditCheckCharacter, isValidCreditCode } from './credit-code';
import { normaliseFirmName } from './firm-names';
import { FirmIndex } from './match-firm';
import { knownFirms, variants } from './name-variants.fixture';

describe('credit codes', () => {
  it('accepts a code whose check character fits and refuses a typo', () => {
    // A published example code of GB 32100-2015's shape, its check character computed.
    const body = '91500000MA5U7YX0';
    const code = `${body}1${creditCheckCharacter(`${body}1`)}`;
    expect(isValidCreditCode(code)).toBe(true);
    expect(isValidCreditCode(`${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(isValidCreditCode(code.toLowerCase())).toBe(true);
    expect(isValidCreditCode('915000001234')).toBe(false);
  });
});

describe('normalised firm names', () => {
  it('makes the spellings of one name meet', () => {
    const base = normaliseFirmName('重庆奥方汽车零部件有限公司');
    expect(base).toBe('奥方汽车零部件');
    for (const v of ['重庆奥方汽车零部件有限公司 ', '奥方汽车零部件', '重庆市奥方汽车零部件有限责任公司', '重庆 奥方 汽车零部件 股份有限公司']) expect(normaliseFirmName(v), v).toBe(base);
    expect(normaliseFirmName('四川奥方汽车零部件有限公司')).not.toBe(base);
    expect(normaliseFirmName('CHONGQING AOFANG AUTO PARTS CO., LTD.')).toBe(normaliseFirmName('Chongqing Aofang Auto Parts Co., Ltd.'));
  });
});

describe('matching the constructed set of real-looking variants', () => {
  const index = new FirmIndex(knownFirms());
  const results = variants().map((v) => ({ ...v, result: index.match(v.ref) }));
  const automatic = results.filter((r) => r.result.match.kind === 'exact');
  const correctAutomatic = automatic.filter((r) => r.result.match.kind === 'exact' && r.result.match.firmId === r.truth);
  const positives = results.filter((r) => r.truth !== null);
  const found = positives.filter(({ result: { match }, truth }) =>
    match.kind === 'exact' ? match.firmId === truth : match.kind === 'proposed' && match.candidates.some((c) => c.firmId === truth),
  );

  it('applies automatic matches with precision ≥ 0.99', () => {
    const wrong = automatic.filter((r) => !correctAutomatic.includes(r)).map((r) => `${r.how}: ${JSON.stringify(r.ref)}`);
    const precision = correctAutomatic.length / automatic.length;
    console.info(`firm matching: ${results.length} rows, ${automatic.length} automatic, precision ${precision.toFixed(4)}`);
    expect(precision, wrong.join('\n')).toBeGreaterThanOrEqual(0.99);
  });

  it('finds the firm meant, automatically or among the proposals, with recall ≥ 0.95', () => {
    const missed = positives.filter((r) => !found.includes(r)).map((r) => `${r.how}: ${JSON.stringify(r.ref)} → ${JSON.stringify(r.result.match)}`);
    const recall = found.length / positives.length;
    console.info(`firm matching: ${positives.length} variants of stored firms, recall ${recall.toFixed(4)}`);
    expect(recall, missed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('makes "confirm all above 0.9" safe: a top proposal at 0.9 or more is the firm meant in ≥ 0.95 of rows', () => {
    const confident = results.filter(({ result: { match } }) => match.kind === 'proposed' && (match.candidates[0]?.confidence ?? 0) >= 0.9);
    const right = confident.filter(({ result: { match }, truth }) => match.kind === 'proposed' && match.candidates[0]?.firmId === truth);
    const wrong = confident.filter((r) => !right.includes(r)).map((r) => `${r.how}: ${JSON.stringify(r.ref)} → ${JSON.stringify(r.result.match)}`);
    console.info(`firm matching: ${confident.length} proposals at ≥ 0.9, ${right.length} right`);
    expect(right.length / Math.max(1, confident.length), wrong.slice(0, 20).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('never applies a look-alike of a firm the store does not hold', () => {
    const applied = results.filter((r) => r.truth === null && r.result.match.kind === 'exact').map((r) => `${r.how}: ${JSON.stringify(r.ref)}`);
    expect(applied).toEqual([]);
  });

  it('flags a mistyped credit code and still finds the firm by its name', () => {
    const typo = results.filter((r) => r.how === 'credit code mistyped, name right');
    expect(typo.every((r) => r.result.invalidCreditCode)).toBe(true);
    expect(typo.every((r) => r.result.match.kind === 'exact' && r.result.match.firmId === r.truth)).toBe(true);
  });
});
