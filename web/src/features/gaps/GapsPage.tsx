import { Alert, Statistic } from 'antd';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { CHAIN_GAPS_QUERY } from '../../api/firm';
import { REFERENCE_QUERY } from '../../api/reference';
import { useQuery } from '../../api/useQuery';
import { useAuth } from '../../auth/context';
import { useI18n } from '../../i18n/I18nProvider';
import { shortName } from '../../lib/names';
import { DEFAULT_YEAR, YEARS } from '../../routing/mapView';
import { ErrorState, Loading } from '../../shell/States';
import { GapList } from './GapList';

/** The gap finder: a chain leader or a district and a year → gaps, local shares and ranked candidates. */
export default function GapsPage() {
  const { t, pick, lang, percent, money } = useI18n();
  const { user, status } = useAuth();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const leaderId = params.get('leader') || null;
  const districtCode = leaderId ? null : params.get('district') || null;
  const yearParam = Number(params.get('y'));
  const year = YEARS.some((y) => y === yearParam) ? yearParam : DEFAULT_YEAR;
  const reference = useQuery(REFERENCE_QUERY, {});
  const analyst = user?.role === 'ADMIN' || user?.role === 'BUREAU' || user?.role === 'INVESTMENT';

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  return (
    <section className="panel" aria-labelledby="gaps-heading">
      <div className="panel__header">
        <h1 id="gaps-heading">{t('gaps.heading')}</h1>
      </div>
      <p className="panel__note">{t('gaps.intro')}</p>
      <form className="filters" aria-label={t('gaps.heading')} onSubmit={(e) => e.preventDefault()}>
        <div className="filters__field">
          <label htmlFor={`${id}-leader`}>{t('filter.leader')}</label>
          <select id={`${id}-leader`} data-testid="gaps-leader" value={leaderId ?? ''} onChange={(e) => set({ leader: e.target.value || null, district: null })}>
            <option value="">{t('gaps.anyLeader')}</option>
            {(reference.data?.firms.edges ?? []).map(({ node }) => (
              <option key={node.id} value={node.id}>
                {shortName(node, pick)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-district`}>{t('gaps.district')}</label>
          <select id={`${id}-district`} data-testid="gaps-district" value={districtCode ?? ''} onChange={(e) => set({ district: e.target.value || null, leader: null })}>
            <option value="">{t('gaps.allDistricts')}</option>
            {(reference.data?.districts ?? [])
              .filter((d) => d.inRegion)
              .map((d) => (
                <option key={d.code} value={d.code}>
                  {pick(d.nameZh, d.nameEn)}
                </option>
              ))}
          </select>
        </div>
        <div className="filters__field">
          <label htmlFor={`${id}-year`}>{t('filter.year')}</label>
          <select id={`${id}-year`} data-testid="gaps-year" value={year} onChange={(e) => set({ y: e.target.value })}>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </form>
      {status === 'checking' ? <Loading /> : analyst ? <GapResults leaderId={leaderId} districtCode={districtCode} year={year} lang={lang} percent={percent} money={money} /> : (
        <Alert type="info" showIcon message={t('gaps.signIn')} data-testid="gaps-sign-in" />
      )}
    </section>
  );
}

interface ResultsProps {
  leaderId: string | null;
  districtCode: string | null;
  year: number;
  lang: 'zh' | 'en';
  percent(share: number | null | undefined): string;
  money(amount: number | null | undefined): string;
}

function GapResults({ leaderId, districtCode, year, lang, percent, money }: ResultsProps) {
  const { t, orWithheld } = useI18n();
  const gaps = useQuery(CHAIN_GAPS_QUERY, { leaderId, districtCode, year, lang, first: 5 });
  if (gaps.status === 'error') return <ErrorState error={gaps.error} what={t('gaps.heading')} />;
  if (!gaps.data) return <Loading />;
  const rate = gaps.data.localSupportRate;
  return (
    <div aria-busy={gaps.status === 'loading'} data-testid="gap-results">
      {rate ? (
        <div className="stats">
          <Statistic title={t('gaps.rate')} value={orWithheld(percent(rate.rate), rate.rateWithheld)} />
          <Statistic title={t('gaps.localBought')} value={orWithheld(money(rate.localCny), rate.localCnyWithheld)} />
          <Statistic title={t('gaps.totalBought')} value={orWithheld(money(rate.totalCny), rate.totalCnyWithheld)} />
        </div>
      ) : null}
      <GapList gaps={gaps.data.chainGaps ?? []} year={year} />
    </div>
  );
}
