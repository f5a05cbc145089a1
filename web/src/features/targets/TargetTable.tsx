import { useMemo, useState } from 'react';
import { Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { TARGET_STAGES, type Target, type TargetStage } from './operations';
import { useTargetsText } from './useTargetsText';

/** The target list with filters by stage, segment and name; a row opens the target. */
export function TargetTable({ targets, onOpen }: { targets: Target[]; onOpen: (t: Target) => void }) {
  const { t, stage, money, pick } = useTargetsText();
  const [stageFilter, setStageFilter] = useState<TargetStage | null>(null);
  const [segmentFilter, setSegmentFilter] = useState<string | null>(null);
  const [search, setSearch] = useState('');

  const segments = useMemo(() => {
    const seen = new Map<string, Target['segment']>();
    for (const x of targets) seen.set(x.segment.code, x.segment);
    return [...seen.values()];
  }, [targets]);

  const shown = targets.filter(
    (x) =>
      (stageFilter === null || x.stage === stageFilter) &&
      (segmentFilter === null || x.segment.code === segmentFilter) &&
      (!search.trim() || x.name.toLowerCase().includes(search.trim().toLowerCase())),
  );

  const columns: ColumnsType<Target> = [
    { key: 'name', title: t('col.name'), dataIndex: 'name' },
    { key: 'segment', title: t('col.segment'), render: (_, x) => pick(x.segment.nameZh, x.segment.nameEn) },
    { key: 'stage', title: t('col.stage'), render: (_, x) => <Tag color={x.stage === 'DROPPED' ? 'default' : 'blue'}>{stage(x.stage)}</Tag> },
    { key: 'agreement', title: t('col.agreement'), align: 'right', render: (_, x) => money(x.agreementCny), sorter: (a, b) => (a.agreementCny ?? 0) - (b.agreementCny ?? 0) },
    { key: 'investment', title: t('col.investment'), align: 'right', render: (_, x) => money(x.investmentCny) },
    { key: 'funds', title: t('col.funds'), align: 'right', render: (_, x) => money(x.fundsInPlaceCny) },
    { key: 'owner', title: t('col.owner'), render: (_, x) => x.owner ?? '—' },
  ];

  return (
    <div data-testid="targets-table">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('filter.stage')}
          style={{ minWidth: 140 }}
          value={stageFilter}
          onChange={(v: TargetStage | undefined) => setStageFilter(v ?? null)}
          options={TARGET_STAGES.map((s) => ({ value: s, label: stage(s) }))}
        />
        <Select
          allowClear
          placeholder={t('filter.segment')}
          style={{ minWidth: 160 }}
          value={segmentFilter}
          onChange={(v: string | undefined) => setSegmentFilter(v ?? null)}
          options={segments.map((s) => ({ value: s.code, label: pick(s.nameZh, s.nameEn) }))}
        />
        <Input.Search allowClear placeholder={t('filter.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} />
      </Space>
      <Table<Target>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(x) => ({ onClick: () => onOpen(x), style: { cursor: 'pointer' } })}
      />
    </div>
  );
}
