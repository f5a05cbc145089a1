import { memo, useId, useState } from 'react';
import type { FirmSummary } from '../../api/queries';
import { FIRMS_QUERY } from '../../api/queries';
import { useQuery } from '../../api/useQuery';
import { useI18n } from '../../i18n/I18nProvider';
import type { I18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

/** Rows shown at once; the list says when there are more. Paging comes with the full UI. */
const PAGE_SIZE = 100;
const SEARCH_DELAY_MS = 250;
/** The API's limit on FirmFilter.search. */
const MAX_SEARCH_LENGTH = 200;

type RoleTag = 'chainLeader' | 'oem' | 'recycler' | 'outside' | 'supplier';

export function roleTags(firm: FirmSummary): RoleTag[] {
  const tags: RoleTag[] = [];
  if (firm.isChainLeader) tags.push('chainLeader');
  if (firm.isOem) tags.push('oem');
  if (firm.isRecycler) tags.push('recycler');
  if (tags.length === 0) tags.push('supplier');
  if (!firm.district.inRegion) tags.push('outside');
  return tags;
}

const ROLE_LABEL: Record<RoleTag, MessageKey> = {
  chainLeader: 'role.chainLeader',
  oem: 'role.oem',
  recycler: 'role.recycler',
  outside: 'role.outside',
  supplier: 'role.supplier',
};

function FirmRow({ firm, i18n, onOpen }: { firm: FirmSummary; i18n: I18n; onOpen?: (firmId: string) => void }) {
  const { pick, t, money } = i18n;
  const shortName = pick(firm.shortNameZh ?? '', firm.shortNameEn ?? '');
  const fullName = pick(firm.nameZh, firm.nameEn);
  return (
    <tr data-testid="firm-row" data-firm-id={firm.id}>
      <td>
        {onOpen ? (
          <button type="button" className="link-button firm-name" data-testid="open-firm" onClick={() => onOpen(firm.id)}>
            {shortName || fullName}
          </button>
        ) : (
          <span className="firm-name">{shortName || fullName}</span>
        )}
        {shortName ? <span className="firm-fullname">{fullName}</span> : null}
      </td>
      <td>{pick(firm.district.nameZh, firm.district.nameEn)}</td>
      <td>
        <span className="role-tags">
          {roleTags(firm).map((tag) => (
            <span key={tag} className={`role-tag role-tag--${tag}`}>
              {t(ROLE_LABEL[tag])}
            </span>
          ))}
        </span>
      </td>
      <td className="num">{money(firm.outputCny)}</td>
    </tr>
  );
}

/**
 * A searchable table of firms. The search is the API's FirmFilter.search, sent once typing pauses,
 * or at once on Enter. `onOpen` makes each name a button that opens the firm's panel.
 */
export const FirmList = memo(function FirmList({ onOpen }: { onOpen?: (firmId: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const searchId = useId();
  const [text, setText] = useState('');
  const debounced = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const [submitted, setSubmitted] = useState<string | null>(null);
  // Enter searches at once; typing on falls back to the debounced text.
  const search = submitted === text.trim() ? submitted : debounced;
  const firms = useQuery(FIRMS_QUERY, { filter: search ? { search } : null, first: PAGE_SIZE });

  const connection = firms.data?.firms;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const busy = firms.status === 'loading' || text.trim() !== search;

  let status: { role: 'status' | 'alert'; text: string } | null = null;
  if (firms.status === 'error') status = { role: 'alert', text: t('firms.error', { message: firms.error.message }) };
  else if (!connection) status = { role: 'status', text: t('firms.loading') };
  else if (rows.length === 0) {
    const query = firms.dataVariables?.filter?.search;
    status = { role: 'status', text: query ? t('firms.empty', { query }) : t('firms.emptyAll') };
  }

  return (
    <section className="panel firm-list" aria-labelledby="firms-heading">
      <div className="panel__header">
        <h2 id="firms-heading">{t('firms.heading')}</h2>
        {connection && rows.length > 0 ? (
          <span className="panel__meta" aria-live="polite">
            {connection.totalCount > rows.length
              ? t('firms.countPartial', { total: connection.totalCount, shown: rows.length })
              : t('firms.count', { total: connection.totalCount })}
          </span>
        ) : null}
      </div>
      <div className="search">
        <label htmlFor={searchId}>{t('firms.search.label')}</label>
        <input
          id={searchId}
          type="search"
          data-testid="firm-search"
          value={text}
          maxLength={MAX_SEARCH_LENGTH}
          placeholder={t('firms.search.placeholder')}
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') setSubmitted(text.trim());
          }}
        />
      </div>
      {status ? (
        <p className={`firm-list__status firm-list__status--${status.role}`} role={status.role}>
          {status.text}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table data-testid="firm-table" aria-busy={busy} className={busy ? 'is-busy' : undefined}>
            <thead>
              <tr>
                <th scope="col">{t('firms.col.name')}</th>
                <th scope="col">{t('firms.col.district')}</th>
                <th scope="col">{t('firms.col.roles')}</th>
                <th scope="col" className="num">
                  {t('firms.col.output')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((firm) => (
                <FirmRow key={firm.id} firm={firm} i18n={i18n} onOpen={onOpen} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
});
