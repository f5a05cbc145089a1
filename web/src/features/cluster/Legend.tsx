import { memo } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import type { FirmRole } from '../../graph/model';
import { DISTRICT_STYLE, HIDDEN_AMOUNT_EDGE_WIDTH, LINK_STYLE, OUTSIDE_STYLE, ROLE_STYLE } from '../../graph/stylesheet';
import { LockIcon } from '../../lib/LockIcon';
import type { NodeShape } from '../../graph/stylesheet';

const ROLES: readonly { role: FirmRole; label: MessageKey }[] = [
  { role: 'chain-leader', label: 'legend.chainLeader' },
  { role: 'supplier', label: 'legend.supplier' },
  { role: 'recycler', label: 'legend.recycler' },
  { role: 'oem', label: 'legend.oem' },
];

function Shape({ shape, fill, stroke, dashed = false, r = 7 }: { shape: NodeShape; fill: string; stroke: string; dashed?: boolean; r?: number }) {
  const common = { fill, stroke, strokeWidth: 1.5, strokeDasharray: dashed ? '3 2' : undefined, strokeLinejoin: 'round' as const };
  const c = 10;
  switch (shape) {
    case 'ellipse':
      return <circle cx={c} cy={c} r={r} {...common} />;
    case 'round-diamond':
      return <polygon points={`${c},${c - r - 1} ${c + r + 1},${c} ${c},${c + r + 1} ${c - r - 1},${c}`} {...common} />;
    case 'round-hexagon': {
      const points = Array.from({ length: 6 }, (_, i) => {
        const a = (Math.PI / 3) * i;
        return `${(c + r * Math.cos(a)).toFixed(1)},${(c + r * Math.sin(a)).toFixed(1)}`;
      }).join(' ');
      return <polygon points={points} {...common} />;
    }
    case 'round-rectangle':
      return <rect x={c - r} y={c - r + 1} width={2 * r} height={2 * r - 2} rx={3} {...common} />;
  }
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="legend__swatch" width="28" height="20" viewBox="0 0 28 20" aria-hidden="true">
      {children}
    </svg>
  );
}

function Line({ colour, dash, width = 2.5 }: { colour: string; dash?: string; width?: number }) {
  return (
    <>
      <line x1="2" y1="10" x2="20" y2="10" stroke={colour} strokeWidth={width} strokeDasharray={dash} strokeLinecap="round" />
      <polygon points="19,5.5 27,10 19,14.5" fill={colour} />
    </>
  );
}

/**
 * The key to the cluster graph, drawn from the same palette as the graph's stylesheet.
 * `amountsHidden`: some flows drawn are of a value this viewer may not see, and so of uniform width.
 */
export const Legend = memo(function Legend({ amountsHidden = false }: { amountsHidden?: boolean }) {
  const { t } = useI18n();
  return (
    <aside className="legend" aria-labelledby="legend-heading">
      <h3 id="legend-heading">{t('legend.heading')}</h3>
      <h4>{t('legend.firms')}</h4>
      <ul>
        {ROLES.map(({ role, label }) => (
          <li key={role}>
            <Swatch>
              <Shape shape={ROLE_STYLE[role].shape} fill={ROLE_STYLE[role].colour} stroke={ROLE_STYLE[role].border} />
            </Swatch>
            {t(label)}
          </li>
        ))}
        <li>
          <Swatch>
            <Shape shape="ellipse" fill={OUTSIDE_STYLE.colour} stroke={OUTSIDE_STYLE.border} dashed />
          </Swatch>
          {t('legend.outside')}
        </li>
        <li>
          <Swatch>
            <rect x="1.5" y="3" width="25" height="14" rx="3" fill={DISTRICT_STYLE.inRegion.fill} stroke={DISTRICT_STYLE.inRegion.border} />
          </Swatch>
          {t('legend.district')}
        </li>
        <li>
          <Swatch>
            <circle cx="6" cy="12" r="4" fill="#868e96" />
            <circle cx="19" cy="10" r="8" fill="#868e96" />
          </Swatch>
          {t('legend.size')}
        </li>
      </ul>
      <h4>{t('legend.links')}</h4>
      <ul>
        <li>
          <Swatch>
            <Line colour={LINK_STYLE.supply.colour} width={3.5} />
          </Swatch>
          {t('legend.supply')}
        </li>
        {amountsHidden ? (
          <li data-testid="legend-hidden-amount">
            <Swatch>
              <Line colour={LINK_STYLE.supply.colour} width={HIDDEN_AMOUNT_EDGE_WIDTH} />
            </Swatch>
            <span>
              <LockIcon /> {t('legend.hiddenAmount')}
            </span>
          </li>
        ) : null}
        <li>
          <Swatch>
            <Line colour={LINK_STYLE.scrapReturn.colour} dash="5 3" />
          </Swatch>
          {t('legend.scrap')}
        </li>
        <li>
          <Swatch>
            <Line colour={LINK_STYLE.support.colour} dash="0.5 4" />
          </Swatch>
          {t('legend.support')}
        </li>
      </ul>
    </aside>
  );
});
