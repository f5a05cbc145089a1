import { Button } from 'antd';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FIND_SUPPLIERS_QUERY } from '../../api/firm';
import type { Candidate, SupplierSearch } from '../../api/firm';
import { FIRMS_QUERY, MAX_PAGE_SIZE } from '../../api/queries';
import { REFERENCE_QUERY } from '../../api/reference';
import { useQuery } from '../../api/useQuery';
import { useI18n } from '../../i18n/I18nProvider';
import type { I18n } from '../../i18n/I18nProvider';
import { toCsv } from '../../lib/csv';
import { downloadBlob } from '../../lib/download';
import { shortName } from '../../lib/names';
import { mapHref, DEFAULT_YEAR } from '../../routing/mapView';
import { EmptyState, ErrorState, Loading } from '../../shell/States';

const num = (value: string | null): number | null => {
  const n = value === null || value === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) ? n : null;
};

/** Supplier search: segment, near a firm, distance, yield, certification → ranked table, on the map, as CSV. */
export default function SuppliersPage() {
  const { t, pick } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const reference = useQuery(REFERENCE_QUERY, {});
  const firms = useQuery(FIRMS_QUERY, { filter: null, first: MAX_PAGE_SIZE });
  const segmentCode = params.get('seg') ?? '';

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key !== 'seg' });
  };

  return (
    <section className="panel" aria-labelledby="suppliers-heading">
      <div className="panel__header">
        <h1 id="suppliers-heading">{t('suppliers.heading')}</h1>
      </div>
      <form className="filters" aria-label={t('suppliers.heading')} onSubmit={(e) => e.preventDefault()}>
        <div className="filters__field">
          <label htmlFor={`${id}-seg`}>{t('col.segment')}</label>
          <select id={`${id}-seg`} data-testid="suppliers-segment" value={segmentCode} onChange={(e) => set('seg', e.target.value)}>
            <option value="">{t('suppliers.chooseSegment')}</option>
            {(reference.data?.segments ?? []).map((s) => (
              <option key={s.code} value={s.code}>
                {pick(s.nameZh, s.nameEn)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-near`}>{t('suppliers.near')}</label>
          <select id={`${id}-near`} data-testid="suppliers-near" value={params.get('near') ?? ''} onChange={(e) => set('near', e.target.value)}>
            <option value="">{t('suppliers.nearNone')}</option>
            {(firms.data?.firms.edges ?? []).map(({ node }) => (
              <option key={node.id} value={node.id}>
                {shortName(node, pick)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-km`}>{t('suppliers.maxKm')}</label>
          <input id={`${id}-km`} type="number" min={1} max={5000} inputMode="numeric" value={params.get('maxKm') ?? ''} onChange={(e) => set('maxKm', e.target.value)} />
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-yield`}>{t('suppliers.minYield')}</label>
          <input id={`${id}-yield`} type="number" min={0} max={100} inputMode="numeric" value={params.get('minYield') ?? ''} onChange={(e) => set('minYield', e.target.value)} />
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-cert`}>{t('suppliers.cert')}</label>
          <select id={`${id}-cert`} value={params.get('cert') ?? ''} onChange={(e) => set('cert', e.target.value)}>
            <option value="">{t('suppliers.certAny')}</option>
            <option value="IATF 16949">IATF 16949</option>
            <option value="ISO 9001">ISO 9001</option>
            <option value="ISO 14001">ISO 14001</option>
          </select>
        </div>
      </form>
      {segmentCode ? (
        <SupplierResults
          search={{
            segmentCode,
            nearFirmId: params.get('near') || null,
            maxDistanceKm: num(params.get('maxKm')),
            minYieldRate: num(params.get('minYield')) === null ? null : Math.min(1, Math.max(0, (num(params.get('minYield')) ?? 0) / 100)),
            certification: params.get('cert') || null,
          }}
        />
      ) : (
        <EmptyState text={t('suppliers.chooseSegment')} />
      )}
    </section>
  );
}

function SupplierResults({ search }: { search: Omit<SupplierSearch, 'first' | 'lang'> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const variables = useMemo(() => ({ ...search, first: 50, lang: i18n.lang }), [search, i18n.lang]);
  const result = useQuery(FIND_SUPPLIERS_QUERY, variables);
  if (result.status === 'error') return <ErrorState error={result.error} what={t('suppliers.heading')} />;
  if (!result.data) return <Loading />;
  const rows = result.data.findSuppliers;
  if (rows.length === 0) return <EmptyState text={t('suppliers.none')} />;
  const exportCsv = () => downloadBlob(new Blob([toCsv(csvRows(rows, i18n))], { type: 'text/csv;charset=utf-8' }), `yulian-suppliers-${search.segmentCode}.csv`);
  return (
    <div aria-busy={result.status === 'loading'}>
      <div className="panel__actions">
        <span aria-live="polite">{t('suppliers.count', { count: rows.length })}</span>
        <Link to={mapHref(rows.map((r) => r.firm.id), DEFAULT_YEAR)} data-testid="suppliers-on-map">
          {t('suppliers.onMap')}
        </Link>
        <Button onClick={exportCsv} data-testid="export-csv">
          {t('suppliers.csv')}
        </Button>
      </div>
      <table className="data-table" data-testid="suppliers-table">
        <thead>
          <tr>
            {headers(i18n).map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {csvRows(rows, i18n)
            .slice(1)
            .map((row, index) => (
              <tr key={rows[index]?.firm.id ?? index} data-firm-id={rows[index]?.firm.id}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

function headers({ t }: I18n): string[] {
  return [t('firms.col.name'), t('firms.col.district'), t('col.segment'), t('col.score'), t('col.distance'), t('col.spare'), t('col.yield'), t('firm.certifications'), t('col.reasons')];
}

/** The table as shown, header first: the page and the CSV export share it. */
function csvRows(rows: readonly Candidate[], i18n: I18n): string[][] {
  const { pick, km, num, percent } = i18n;
  return [
    headers(i18n),
    ...rows.map((c) => [
      shortName(c.firm, pick),
      pick(c.firm.district.nameZh, c.firm.district.nameEn),
      pick(c.segment.nameZh, c.segment.nameEn),
      c.score.toFixed(1),
      km(c.distanceKm),
      c.spareCapacity == null ? '—' : `${num(c.spareCapacity)} ${c.unit ?? ''}`.trim(),
      percent(c.yieldRate),
      c.certifications.join(', '),
      c.reasons.join(' '),
    ]),
  ];
}
