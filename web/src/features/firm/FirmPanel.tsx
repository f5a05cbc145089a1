import { useState } from 'react';
import { Button, Descriptions, Tag } from 'antd';
import { FIRM_PROFILE_QUERY, ORDERS_SHOWN } from '../../api/firm';
import type { FirmProfile } from '../../api/firm';
import { useQuery } from '../../api/useQuery';
import { useAuth } from '../../auth/context';
import { useI18n } from '../../i18n/I18nProvider';
import { shortName } from '../../lib/names';
import { ErrorState, Loading } from '../../shell/States';
import { CapabilityEditor } from './CapabilityEditor';
import { LeaderGaps } from './LeaderGaps';
import { NeedsSection } from './NeedsSection';
import { OrdersSection } from './OrdersSection';
import { ProfileEditor } from './ProfileEditor';
import { TradeTable } from './TradeTable';
import { useFirmText } from './useFirmText';
import './firm-edit.css';

export interface FirmPanelProps {
  firmId: string | null;
  year: number;
  onClose(): void;
  onShowFirm(firmId: string): void;
}

/**
 * A firm's profile beside the map: where it is, what it makes and buys, whom it trades with, who
 * mentors it. Each part offers edits only where the API says the viewer may make them
 * (`viewerCanEdit`, `viewerCanRecordOrders`); after a save the profile is asked again.
 */
export function FirmPanel({ firmId, year, onClose, onShowFirm }: FirmPanelProps) {
  const { t } = useI18n();
  // Bumped after an edit: the profile is asked again, so it shows the server's figures.
  const [revision, setRevision] = useState(0);
  if (firmId === null) return null;
  return (
    <aside className="panel firm-panel" aria-labelledby="firm-panel-heading" data-testid="firm-panel">
      <div className="panel__header">
        <h2 id="firm-panel-heading" className="firm-panel__kicker">
          {t('firm.panel')}
        </h2>
        <button type="button" className="button button--quiet" data-testid="close-firm" onClick={onClose}>
          {t('firm.close')}
        </button>
      </div>
      <FirmProfileView key={`${firmId}:${year}:${revision}`} firmId={firmId} year={year} onShowFirm={onShowFirm} onChanged={() => setRevision((r) => r + 1)} />
    </aside>
  );
}

function FirmProfileView({ firmId, year, onShowFirm, onChanged }: { firmId: string; year: number; onShowFirm(id: string): void; onChanged(): void }) {
  const { t, pick, money, percent, num, orWithheld } = useI18n();
  const { user } = useAuth();
  const { ft } = useFirmText();
  const profile = useQuery(FIRM_PROFILE_QUERY, { id: firmId, year, ordersShown: ORDERS_SHOWN });
  const [editing, setEditing] = useState<string | null>(null);
  const [editingProfile, setEditingProfile] = useState(false);
  if (profile.status === 'error') return <ErrorState error={profile.error} what={t('firm.panel')} />;
  const firm = profile.data?.firm;
  if (!profile.data) return <Loading />;
  if (!firm) return <p role="status">{t('firm.notFound')}</p>;
  const analyst = user?.role === 'ADMIN' || user?.role === 'BUREAU' || user?.role === 'INVESTMENT';
  const editingCapability = firm.capabilities.find((c) => c.segment.code === editing);
  // Demand figures are for the firm itself and analysts (the API withholds them from others).
  const showsDemand = analyst || (user?.role === 'FIRM' && user.firmId === firm.id);

  return (
    <article className="firm-profile" data-testid="firm-profile" data-firm-id={firm.id}>
      <h3 className="firm-profile__name">{shortName(firm, pick)}</h3>
      <p className="firm-fullname">{pick(firm.nameZh, firm.nameEn)}</p>
      <p className="role-tags">
        {roleTags(firm).map((key) => (
          <Tag key={key} color={key === 'role.chainLeader' ? 'red' : key === 'role.outside' ? 'default' : 'blue'}>
            {t(key)}
          </Tag>
        ))}
        {firm.synthetic ? <Tag>{t('firm.synthetic')}</Tag> : null}
      </p>
      {firm.viewerCanEdit ? (
        <p>
          <Button size="small" data-testid="edit-profile" onClick={() => setEditingProfile(true)}>
            {ft('profile.edit')}
          </Button>
        </p>
      ) : null}
      {editingProfile ? <ProfileEditor firm={firm} onCancel={() => setEditingProfile(false)} onSaved={onChanged} /> : null}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('firms.col.district')}>{pick(firm.district.nameZh, firm.district.nameEn)}</Descriptions.Item>
        <Descriptions.Item label={t('firms.col.output')}>
          {money(firm.outputCny)}
          {firm.outputYear ? ` (${firm.outputYear})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('firm.yield')}>{percent(firm.yieldRate)}</Descriptions.Item>
        <Descriptions.Item label={t('firm.certifications')}>{firm.certifications.join(', ') || '—'}</Descriptions.Item>
      </Descriptions>

      <h4>{t('firm.capabilities')}</h4>
      {firm.capabilities.length === 0 ? (
        <p>{t('firm.none')}</p>
      ) : (
        <table className="data-table" data-testid="capabilities">
          <thead>
            <tr>
              <th scope="col">{t('col.segment')}</th>
              <th scope="col" className="num">{t('col.capacity')}</th>
              <th scope="col" className="num">{t('col.spare')}</th>
              <th scope="col" className="num">{t('col.yield')}</th>
              {firm.viewerCanEdit ? <th scope="col"><span className="visually-hidden">{t('firm.edit')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {firm.capabilities.map((c) => (
              <tr key={c.segment.code}>
                <td>{pick(c.segment.nameZh, c.segment.nameEn)}</td>
                <td className="num">{c.capacity == null ? '—' : `${num(c.capacity)} ${c.unit ?? ''}`}</td>
                <td className="num">{c.spareCapacity == null ? '—' : `${num(c.spareCapacity)} ${c.unit ?? ''}`}</td>
                <td className="num">{percent(c.yieldRate)}</td>
                {firm.viewerCanEdit ? (
                  <td>
                    <Button size="small" data-testid={`edit-capability-${c.segment.code}`} onClick={() => setEditing(c.segment.code)}>
                      {t('firm.edit')}
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {editingCapability ? <CapabilityEditor firmId={firm.id} capability={editingCapability} onCancel={() => setEditing(null)} onSaved={onChanged} /> : null}

      <NeedsSection firmId={firm.id} needs={firm.needs} canEdit={firm.viewerCanEdit} showsDemand={showsDemand} onChanged={onChanged} />

      <h4>{t('firm.suppliers', { year })}</h4>
      <TradeTable links={firm.suppliers} onShowFirm={onShowFirm} />
      <h4>{t('firm.customers', { year })}</h4>
      <TradeTable links={firm.customers} onShowFirm={onShowFirm} />

      <OrdersSection firm={firm} year={year} canRecord={firm.viewerCanRecordOrders} onChanged={onChanged} onShowFirm={onShowFirm} />

      <h4>{t('firm.dependence', { year })}</h4>
      {firm.dependence === null ? (
        <p className="muted">{t('firm.dependence.hidden')}</p>
      ) : firm.dependence.length === 0 ? (
        <p>{t('firm.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="dependence">
          {firm.dependence.map((d) => (
            <li key={d.customer.id}>
              {shortName(d.customer, pick)}: <strong>{orWithheld(percent(d.share), d.shareWithheld)}</strong>
              {d.amountCny === null ? '' : ` · ${money(d.amountCny)}`}
            </li>
          ))}
        </ul>
      )}

      <h4>{t('firm.support')}</h4>
      {firm.supports.length + firm.supportedBy.length === 0 ? (
        <p>{t('firm.none')}</p>
      ) : (
        <ul className="plain-list" data-testid="support-ties">
          {firm.supportedBy.map((s) => (
            <li key={`by:${s.from.id}`}>{t('firm.supportedBy', { name: shortName(s.from, pick), kinds: supportKinds(s.kinds, t), since: s.since ?? '—' })}</li>
          ))}
          {firm.supports.map((s) => (
            <li key={`to:${s.to.id}`}>{t('firm.supports', { name: shortName(s.to, pick), kinds: supportKinds(s.kinds, t), since: s.since ?? '—' })}</li>
          ))}
        </ul>
      )}

      {firm.isChainLeader ? (
        <>
          <h4>{t('firm.gaps', { year })}</h4>
          {analyst ? <LeaderGaps leaderId={firm.id} year={year} compact /> : <p className="muted">{t('gaps.signIn')}</p>}
        </>
      ) : null}
    </article>
  );
}

type RoleKey = 'role.chainLeader' | 'role.oem' | 'role.recycler' | 'role.supplier' | 'role.outside';

function roleTags(firm: FirmProfile): RoleKey[] {
  const tags: RoleKey[] = [];
  if (firm.isChainLeader) tags.push('role.chainLeader');
  if (firm.isOem) tags.push('role.oem');
  if (firm.isRecycler) tags.push('role.recycler');
  if (tags.length === 0) tags.push('role.supplier');
  if (!firm.district.inRegion) tags.push('role.outside');
  return tags;
}

const SUPPORT_KEYS = { EQUIPMENT: 'support.EQUIPMENT', TECHNOLOGY: 'support.TECHNOLOGY', ORDERS: 'support.ORDERS', MANAGEMENT: 'support.MANAGEMENT' } as const;

function supportKinds(kinds: readonly string[], t: ReturnType<typeof useI18n>['t']): string {
  return kinds.map((k) => (k in SUPPORT_KEYS ? t(SUPPORT_KEYS[k as keyof typeof SUPPORT_KEYS]) : k)).join('、');
}
