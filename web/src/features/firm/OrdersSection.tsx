import { useState } from 'react';
import { Alert, Button } from 'antd';
import { graphql } from '../../api/client';
import type { FirmOrder, FirmProfile } from '../../api/firm';
import { useI18n } from '../../i18n/I18nProvider';
import { LockIcon } from '../../lib/LockIcon';
import { shortName } from '../../lib/names';
import { DELETE_ORDER } from './operations';
import { OrderEditor } from './OrderEditor';
import { RowActions, useRemoval } from './RowActions';
import { counterpartyOf, directionOf } from './orderInput';
import { useFirmText } from './useFirmText';

/**
 * The firm's orders, newest year first, for those who may list them (the firm, bureaus, admins).
 * Amounts show where the viewer may see them. Recording, changing and deleting are offered only to
 * whoever may make them (`canRecord`: the firm's own staff and admins).
 */
export function OrdersSection({ firm, year, canRecord, onChanged, onShowFirm }: {
  firm: FirmProfile;
  year: number;
  canRecord: boolean;
  onChanged(): void;
  onShowFirm(firmId: string): void;
}) {
  const { t, pick, money } = useI18n();
  const { ft } = useFirmText();
  // undefined: no dialog; null: a new order; else the order being changed.
  const [editing, setEditing] = useState<FirmOrder | null | undefined>(undefined);
  const orders = firm.orders;
  const { problem, remove } = useRemoval(
    (order: FirmOrder) => graphql(DELETE_ORDER, { id: order.id }),
    (message) => ft('orders.deleteFailed', { message }),
    onChanged,
  );

  return (
    <section aria-labelledby="firm-orders-heading" data-testid="orders-section">
      <h4 id="firm-orders-heading">{ft('orders.heading')}</h4>
      {orders === null ? (
        <p className="muted">{ft('orders.hidden')}</p>
      ) : orders.edges.length === 0 ? (
        <p>{t('firm.none')}</p>
      ) : (
        <table className="data-table firm-orders" data-testid="orders">
          <thead>
            <tr>
              <th scope="col">{ft('orders.year')}</th>
              <th scope="col">{ft('orders.counterparty')}</th>
              <th scope="col" className="num">{t('col.amount')}</th>
              <th scope="col">{ft('orders.status')}</th>
              {canRecord ? <th scope="col"><span className="visually-hidden">{ft('orders.edit')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {orders.edges.map(({ node: o }) => {
              const party = counterpartyOf(firm.id, o);
              const name = shortName(party, pick);
              return (
                <tr key={o.id} data-order-id={o.id}>
                  <td>{o.year}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => onShowFirm(party.id)}>
                      {name}
                    </button>
                    <br />
                    <span className="muted">
                      {ft(`orders.kind.${directionOf(firm.id, o)}`)} · {pick(o.segment.nameZh, o.segment.nameEn)}
                    </span>
                  </td>
                  <td className="num">
                    {o.amountCny === null ? (
                      <span className="amount-hidden" title={t('amount.hidden.title')}>
                        <LockIcon /> {t('amount.hidden')}
                      </span>
                    ) : (
                      money(o.amountCny)
                    )}
                  </td>
                  <td>{ft(`orders.status.${o.status}`)}</td>
                  {canRecord ? (
                    <td>
                      <RowActions
                        editText={ft('orders.edit')}
                        editLabel={ft('orders.editLabel', { name, year: o.year })}
                        editTestId={`edit-order-${o.id}`}
                        onEdit={() => setEditing(o)}
                        removeText={ft('orders.delete')}
                        removeLabel={ft('orders.deleteLabel', { name, year: o.year })}
                        removeTestId={`delete-order-${o.id}`}
                        removeConfirm={ft('orders.deleteConfirm')}
                        cancelText={ft('cancel')}
                        onRemove={() => remove(o)}
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {orders !== null && orders.totalCount > orders.edges.length ? (
        <p className="muted">{ft('orders.more', { shown: orders.edges.length, total: orders.totalCount })}</p>
      ) : null}
      {canRecord ? (
        <Button size="small" data-testid="add-order" onClick={() => setEditing(null)}>
          {ft('orders.add')}
        </Button>
      ) : null}
      {problem ? <Alert type="error" role="alert" showIcon title={problem} /> : null}
      {editing !== undefined ? <OrderEditor firmId={firm.id} order={editing} year={year} onCancel={() => setEditing(undefined)} onSaved={onChanged} /> : null}
    </section>
  );
}
