import { CHAIN_GAPS_QUERY } from '../../api/firm';
import { useQuery } from '../../api/useQuery';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorState, Loading } from '../../shell/States';
import { GapList } from '../gaps/GapList';

/** A chain leader's gaps of a year with their best candidates (analysts only; the caller checks). */
export function LeaderGaps({ leaderId, year, compact = false }: { leaderId: string; year: number; compact?: boolean }) {
  const { t, lang } = useI18n();
  const gaps = useQuery(CHAIN_GAPS_QUERY, { leaderId, year, lang, first: compact ? 3 : 5 });
  if (gaps.status === 'error') return <ErrorState error={gaps.error} what={t('nav.gaps')} />;
  if (!gaps.data) return <Loading />;
  return <GapList gaps={gaps.data.chainGaps ?? []} year={year} compact={compact} />;
}
