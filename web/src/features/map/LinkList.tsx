import { memo } from 'react';
import type { FlowEdgeData, SupportEdgeData } from '../../graph/model';
import { useI18n } from '../../i18n/I18nProvider';
import { LockIcon } from '../../lib/LockIcon';

/** At most this many links are listed; the rest are counted. */
const MAX_LISTED = 300;

/** The graph's links in words: a text alternative to the drawing, and what tests read. */
export const LinkList = memo(function LinkList({ links }: { links: readonly (FlowEdgeData | SupportEdgeData)[] }) {
  const { t, money } = useI18n();
  const listed = links.slice(0, MAX_LISTED);
  return (
    <details className="cluster-graph__links" data-testid="graph-links">
      <summary>{t('cluster.links', { count: links.length })}</summary>
      {links.length === 0 ? <p>{t('cluster.links.none')}</p> : null}
      {links.length > MAX_LISTED ? <p>{t('cluster.links.more', { shown: MAX_LISTED, total: links.length })}</p> : null}
      <ul>
        {listed.map((link) => (
          <li key={link.id} data-link-id={link.id} data-kind={link.kind}>
            <span className={`link-kind link-kind--${link.kind}`}>
              {t(link.kind === 'support' ? 'link.SUPPORT' : link.kind === 'scrap-return' ? 'link.SCRAP_RETURN' : 'link.SUPPLY')}
            </span>{' '}
            {link.sourceLabel} → {link.targetLabel}
            {link.kind === 'support' ? null : (
              <>
                {' · '}
                {link.segmentLabel} ·{' '}
                {link.amountCny === null ? (
                  <span className="amount-hidden" title={t('amount.hidden.title')}>
                    <LockIcon /> {t('amount.hidden')}
                  </span>
                ) : (
                  money(link.amountCny)
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
});
