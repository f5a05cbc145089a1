import { useState } from 'react';
import { Alert, Button } from 'antd';
import { graphql } from '../../api/client';
import type { FirmNeed } from '../../api/firm';
import { useI18n } from '../../i18n/I18nProvider';
import { LockIcon } from '../../lib/LockIcon';
import { NeedEditor } from './NeedEditor';
import { REMOVE_NEED } from './operations';
import { RowActions, useRemoval } from './RowActions';
import { useFirmText } from './useFirmText';

/**
 * The segments a firm buys and how much a year. The yearly demand is the firm's own business: it
 * shows for the firm, bureaus and investment teams (`showsDemand`), a padlock for everyone else.
 * Editors (`canEdit`) add, change and remove needs.
 */
export function NeedsSection({ firmId, needs, canEdit, showsDemand, onChanged }: {
  firmId: string;
  needs: readonly FirmNeed[];
  canEdit: boolean;
  showsDemand: boolean;
  onChanged(): void;
}) {
  const { t, pick, num } = useI18n();
  const { ft } = useFirmText();
  // undefined: no dialog; null: a new need; else the need being changed.
  const [editing, setEditing] = useState<FirmNeed | null | undefined>(undefined);
  const { problem, remove } = useRemoval(
    (need: FirmNeed) => graphql(REMOVE_NEED, { firmId, segmentCode: need.segment.code }),
    (message) => ft('failed', { message }),
    onChanged,
  );

  return (
    <section aria-labelledby="firm-needs-heading" data-testid="needs-section">
      <h4 id="firm-needs-heading">{ft('needs.heading')}</h4>
      {needs.length === 0 ? (
        <p>{t('firm.none')}</p>
      ) : (
        <table className="data-table" data-testid="needs">
          <thead>
            <tr>
              <th scope="col">{ft('needs.segment')}</th>
              <th scope="col" className="num">{ft('needs.demand')}</th>
              {canEdit ? <th scope="col"><span className="visually-hidden">{ft('needs.edit')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {needs.map((n) => {
              const segment = pick(n.segment.nameZh, n.segment.nameEn);
              return (
                <tr key={n.segment.code} data-segment={n.segment.code}>
                  <td>{segment}</td>
                  <td className="num">
                    {showsDemand ? (
                      n.annualDemand === null ? '—' : `${num(n.annualDemand)} ${n.unit ?? ''}`
                    ) : (
                      <span className="amount-hidden" title={ft('needs.hidden')}>
                        <LockIcon /> <span className="visually-hidden">{ft('needs.hidden')}</span>
                      </span>
                    )}
                  </td>
                  {canEdit ? (
                    <td>
                      <RowActions
                        editText={ft('needs.edit')}
                        editLabel={ft('needs.editLabel', { segment })}
                        editTestId={`edit-need-${n.segment.code}`}
                        onEdit={() => setEditing(n)}
                        removeText={ft('needs.remove')}
                        removeLabel={ft('needs.removeLabel', { segment })}
                        removeTestId={`remove-need-${n.segment.code}`}
                        removeConfirm={ft('needs.removeConfirm', { segment })}
                        cancelText={ft('cancel')}
                        onRemove={() => remove(n)}
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {canEdit ? (
        <Button size="small" data-testid="add-need" onClick={() => setEditing(null)}>
          {ft('needs.add')}
        </Button>
      ) : null}
      {problem ? <Alert type="error" role="alert" showIcon title={problem} /> : null}
      {editing !== undefined ? (
        <NeedEditor firmId={firmId} need={editing} taken={needs.map((n) => n.segment.code)} onCancel={() => setEditing(undefined)} onSaved={onChanged} />
      ) : null}
    </section>
  );
}
