import { useState } from 'react';
import { Alert, Button, Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { graphql } from '../../api/client';
import { SUGGESTIONS_QUERY, TARGET_FROM_GAP, type TargetSuggestion } from './operations';
import { useReloadableQuery } from './useReloadableQuery';
import { useTargetsText } from './useTargetsText';

/**
 * From gap to target in one click: the outside suppliers of the district's gap segments, each
 * added to the list as a LEAD for the first chain leader it supplies (the server checks the gap).
 */
export function SuggestionsPanel({ districtCode, year, revision, onAdded }: { districtCode: string; year: number; revision: number; onAdded: () => void }) {
  const { t, stage, money, pick, orWithheld } = useTargetsText();
  const suggestions = useReloadableQuery(SUGGESTIONS_QUERY, { districtCode, year }, revision);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [adding, setAdding] = useState<string | null>(null);

  const add = async (s: TargetSuggestion) => {
    const leader = s.leaders[0];
    if (!leader) return;
    setAdding(`${s.firm.id}:${s.segment.code}`);
    try {
      await graphql(TARGET_FROM_GAP, { input: { leaderId: leader.id, segmentCode: s.segment.code, year, firmId: s.firm.id } });
      setNotice({ kind: 'success', text: t('suggest.added', { name: pick(s.firm.nameZh, s.firm.nameEn) }) });
      onAdded();
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setAdding(null);
    }
  };

  const columns: ColumnsType<TargetSuggestion> = [
    { key: 'firm', title: t('suggest.firm'), render: (_, s) => `${pick(s.firm.nameZh, s.firm.nameEn)}（${pick(s.firm.district.nameZh, s.firm.district.nameEn)}）` },
    { key: 'segment', title: t('col.segment'), render: (_, s) => pick(s.segment.nameZh, s.segment.nameEn) },
    { key: 'amount', title: t('suggest.amount'), align: 'right', render: (_, s) => orWithheld(money(s.amountCny), s.amountCnyWithheld) },
    { key: 'leaders', title: t('suggest.leaders'), render: (_, s) => s.leaders.map((l) => pick(l.shortNameZh ?? l.id, l.shortNameEn ?? l.id)).join('、') },
    { key: 'distance', title: t('suggest.distance'), align: 'right', render: (_, s) => `${Math.round(s.distanceKm)} km` },
    {
      key: 'action',
      title: '',
      render: (_, s) => {
        const open = s.targets.find((x) => x.stage !== 'DROPPED');
        return open ? (
          <Typography.Text type="secondary">{t('suggest.already', { stage: stage(open.stage) })}</Typography.Text>
        ) : (
          <Button size="small" type="primary" loading={adding === `${s.firm.id}:${s.segment.code}`} onClick={() => void add(s)} data-testid={`suggest-add-${s.firm.id}`}>
            {t('suggest.add')}
          </Button>
        );
      },
    },
  ];

  const rows = suggestions.data?.targetSuggestions ?? [];
  return (
    <div data-testid="targets-suggestions">
      <Typography.Paragraph type="secondary">{t('suggest.hint')}</Typography.Paragraph>
      {notice && <Alert type={notice.kind} role={notice.kind === 'error' ? 'alert' : 'status'} showIcon closable={{ onClose: () => setNotice(null) }} title={notice.text} style={{ marginBottom: 12 }} />}
      {suggestions.status === 'error' && <Alert type="error" role="alert" showIcon title={`${t('page.loadFailed')}${suggestions.error.message}`} />}
      {suggestions.status === 'success' && rows.length === 0 ? (
        <Empty description={t('suggest.none', { year })} />
      ) : (
        <Table<TargetSuggestion> rowKey={(s) => `${s.firm.id}:${s.segment.code}`} size="middle" columns={columns} dataSource={rows} pagination={false} loading={suggestions.status === 'loading'} />
      )}
    </div>
  );
}
