import { useI18n } from '../i18n/I18nProvider';
import type { HoverInfo } from './engine';

const ROLE_KEY = {
  'chain-leader': 'role.chainLeader',
  oem: 'role.oem',
  recycler: 'role.recycler',
  supplier: 'role.supplier',
} as const;

/** What the pointer is over: a firm's name, district, role and output, or a link's ends and value. */
export function GraphTooltip({ hover }: { hover: HoverInfo }) {
  const { t, money } = useI18n();
  const style = { left: hover.x + 14, top: hover.y + 14 };
  if (hover.kind === 'firm') {
    const d = hover.data;
    return (
      <div className="graph-tooltip" style={style} role="tooltip" data-testid="graph-tooltip">
        <strong>{d.label}</strong>
        <span>
          {d.districtLabel} · {t(ROLE_KEY[d.role])}
          {d.inRegion ? '' : ` · ${t('role.outside')}`}
        </span>
        <span>
          {t('firms.col.output')}: {money(d.outputCny)}
        </span>
      </div>
    );
  }
  const d = hover.data;
  return (
    <div className="graph-tooltip" style={style} role="tooltip" data-testid="graph-tooltip">
      <strong>
        {d.sourceLabel} → {d.targetLabel}
      </strong>
      {d.kind === 'support' ? (
        <span>
          {t('link.SUPPORT')}
          {d.since ? ` · ${d.since}` : ''}
        </span>
      ) : (
        <span>
          {t(d.kind === 'scrap-return' ? 'link.SCRAP_RETURN' : 'link.SUPPLY')} · {d.segmentLabel} ·{' '}
          {d.amountCny === null ? t('amount.hidden') : money(d.amountCny)}
        </span>
      )}
    </div>
  );
}
