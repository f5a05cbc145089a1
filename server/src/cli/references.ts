import { articleDataset } from '@yulian/seed';
import type { GraphStore } from '../store/port';
import { countNodes, districtsByCodes, firmsByIds } from '../store/queries';

export interface ReferenceCheck {
  /** Each names the flag it is about. */
  problems: string[];
  warnings: string[];
}

/**
 * Checks --district and --firm. Once the store holds districts (or firms), the store decides.
 * Before the first start it holds none; the start command will then load the article's dataset
 * (unless YULIAN_SEED=off), so that dataset decides: a typo is caught now rather than leaving an
 * account tied to a district that will never exist. With seeding off the data will come from an
 * import nobody can see yet, so the value is accepted with a warning.
 */
export async function checkReferences(
  store: GraphStore,
  seed: 'auto' | 'off',
  refs: { districtCode: string | null; firmId: string | null },
): Promise<ReferenceCheck> {
  const result: ReferenceCheck = { problems: [], warnings: [] };
  if (!refs.districtCode && !refs.firmId) return result;
  const counts = new Map((await store.read(countNodes())).map((c) => [c.label, c.total]));

  const check = async (
    flag: string,
    what: string,
    value: string,
    label: 'District' | 'Firm',
    inStore: () => Promise<boolean>,
    inSeed: () => boolean,
  ) => {
    if ((counts.get(label) ?? 0) > 0) {
      if (!(await inStore())) result.problems.push(`${flag}: unknown ${what} ${JSON.stringify(value)}`);
    } else if (seed === 'auto') {
      if (!inSeed()) {
        result.problems.push(
          `${flag}: unknown ${what} ${JSON.stringify(value)} (the store is still empty, so it was checked against the article's dataset that the first start loads)`,
        );
      }
    } else {
      result.warnings.push(`${flag}: the store has no ${what}s yet and YULIAN_SEED=off, so ${JSON.stringify(value)} could not be checked`);
    }
  };

  const { districtCode, firmId } = refs;
  if (districtCode) {
    await check(
      '--district',
      'district',
      districtCode,
      'District',
      async () => (await store.read(districtsByCodes([districtCode]))).length > 0,
      () => articleDataset.districts.some((d) => d.code === districtCode),
    );
  }
  if (firmId) {
    await check(
      '--firm',
      'firm',
      firmId,
      'Firm',
      async () => (await store.read(firmsByIds([firmId]))).length > 0,
      () => articleDataset.firms.some((f) => f.id === firmId),
    );
  }
  return result;
}
