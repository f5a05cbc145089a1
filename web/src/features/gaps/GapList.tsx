import { Link } from 'react-router';
import type { ChainGap } from '../../api/firm';
import { useI18n } from '../../i18n/I18nProvider';
import { shortName } from '../../lib/names';
import { mapHref } from '../../routing/mapView';
import { EmptyState } from '../../shell/States';

/** Gaps, largest outside purchase first, each with its local share, outside suppliers and ranked candidates. */
export function GapList({ gaps, year, compact = false }: { gaps: readonly ChainGap[]; year: number; compact?: boolean }) {
  const { t, pick, money, percent, km, num, orWithheld } = useI18n();
  if (gaps.length === 0) return <EmptyState text={t('gaps.none')} />;
  return (
    <ol className="gap-list" data-testid="gap-list">
      {gaps.map((gap) => (
        <li key={`${gap.leader.id}:${gap.segment.code}`} className="gap" data-testid="gap" data-segment={gap.segment.code}>
          <h3 className="gap__title">
            {pick(gap.segment.nameZh, gap.segment.nameEn)}
            {compact ? null : <span className="muted"> · {shortName(gap.leader, pick)}</span>}
          </h3>
          <p className="gap__facts">
            {gap.unsupplied
              ? t('gaps.unsupplied')
              : t('gaps.share', {
                  share: orWithheld(percent(gap.localShare), gap.localShareWithheld),
                  local: orWithheld(money(gap.localCny), gap.localCnyWithheld),
                  total: orWithheld(money(gap.purchasedCny), gap.purchasedCnyWithheld),
                })}
          </p>
          {gap.outsideSuppliers.length > 0 ? (
            <p className="gap__outside">
              {t('gaps.outside')}{' '}
              {gap.outsideSuppliers
                .map((o) => `${shortName(o.firm, pick)}（${pick(o.firm.district.nameZh, o.firm.district.nameEn)}，${km(o.distanceKm)}）`)
                .join('；')}
            </p>
          ) : null}
          {gap.candidates.length === 0 ? (
            <p>{t('gaps.noCandidates')}</p>
          ) : (
            <table className="data-table candidates" data-testid="candidates">
              <caption className="visually-hidden">{t('gaps.candidates')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('firms.col.name')}</th>
                  <th scope="col" className="num">{t('col.score')}</th>
                  <th scope="col" className="num">{t('col.distance')}</th>
                  <th scope="col" className="num">{t('col.spare')}</th>
                  <th scope="col" className="num">{t('col.yield')}</th>
                  {compact ? null : <th scope="col">{t('col.reasons')}</th>}
                  <th scope="col">
                    <span className="visually-hidden">{t('gaps.showOnMap')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {gap.candidates.map((c, index) => (
                  <tr key={c.firm.id} data-testid="candidate" data-firm-id={c.firm.id}>
                    <td>{index + 1}</td>
                    <td>
                      {shortName(c.firm, pick)}
                      <span className="muted"> · {pick(c.firm.district.nameZh, c.firm.district.nameEn)}</span>
                    </td>
                    <td className="num">{c.score.toFixed(1)}</td>
                    <td className="num">{km(c.distanceKm)}</td>
                    <td className="num">{c.spareCapacity == null ? '—' : `${num(c.spareCapacity)} ${c.unit ?? ''}`}</td>
                    <td className="num">{percent(c.yieldRate)}</td>
                    {compact ? null : (
                      <td>
                        <ul className="reasons">
                          {c.reasons.map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                      </td>
                    )}
                    <td>
                      <Link to={mapHref([c.firm.id], year)} data-testid="show-on-map">
                        {t('gaps.showOnMap')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ol>
  );
}
