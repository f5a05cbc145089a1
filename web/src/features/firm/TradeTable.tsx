import type { TradeLink } from '../../api/firm';
import { useI18n } from '../../i18n/I18nProvider';
import { LockIcon } from '../../lib/LockIcon';
import { shortName } from '../../lib/names';

/** A firm's suppliers or customers of a year, with amounts where the viewer may see them. */
export function TradeTable({ links, onShowFirm }: { links: readonly TradeLink[]; onShowFirm(firmId: string): void }) {
  const { t, pick, money } = useI18n();
  if (links.length === 0) return <p>{t('firm.none')}</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('firms.col.name')}</th>
          <th scope="col">{t('col.segment')}</th>
          <th scope="col" className="num">{t('col.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {links.map((l) => (
          <tr key={`${l.firm.id}:${l.segment.code}:${l.kind}`}>
            <td>
              <button type="button" className="link-button" onClick={() => onShowFirm(l.firm.id)}>
                {shortName(l.firm, pick)}
              </button>
              <span className="muted"> · {pick(l.firm.district.nameZh, l.firm.district.nameEn)}</span>
            </td>
            <td>
              {pick(l.segment.nameZh, l.segment.nameEn)}
              {l.kind === 'SCRAP_RETURN' ? ` (${t('link.SCRAP_RETURN')})` : ''}
            </td>
            <td className="num">
              {l.amountCny === null ? (
                <span className="amount-hidden" title={t('amount.hidden.title')}>
                  <LockIcon /> {t('amount.hidden')}
                </span>
              ) : (
                money(l.amountCny)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
