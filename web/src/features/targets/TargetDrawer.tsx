import { Button, Descriptions, Drawer, Tag, Timeline, Typography } from 'antd';
import type { Target } from './operations';
import { useTargetsText } from './useTargetsText';

/** One target: its figures and its history, newest first. */
export function TargetDrawer({ target, onClose, onEdit }: { target: Target | null; onClose: () => void; onEdit: (t: Target) => void }) {
  const { t, stage, money, pick, lang } = useTargetsText();
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' });
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={560}
      title={target?.name}
      data-testid="target-drawer"
      destroyOnHidden
      extra={target && target.stage !== 'DROPPED' ? <Button onClick={() => onEdit(target)} data-testid="drawer-edit">{t('form.edit')}</Button> : null}
    >
      {target && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('col.stage')}>
              <Tag color={target.stage === 'DROPPED' ? 'default' : 'blue'} data-testid="drawer-stage">{stage(target.stage)}</Tag>
              {target.synthetic && <Tag color="orange">{t('drawer.synthetic')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('col.segment')}>{pick(target.segment.nameZh, target.segment.nameEn)}</Descriptions.Item>
            <Descriptions.Item label={t('col.leader')}>{target.leader ? pick(target.leader.shortNameZh ?? '', target.leader.shortNameEn ?? '') : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.agreement')}>{money(target.agreementCny)}</Descriptions.Item>
            <Descriptions.Item label={t('col.investment')}>{money(target.investmentCny)}</Descriptions.Item>
            <Descriptions.Item label={t('col.funds')}>{money(target.fundsInPlaceCny)}</Descriptions.Item>
            <Descriptions.Item label={t('col.output')}>{money(target.expectedOutputCny)}</Descriptions.Item>
            <Descriptions.Item label={t('col.owner')}>{target.owner ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('drawer.contact')}>{target.contact ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('drawer.notes')}>{target.notes ?? '—'}</Descriptions.Item>
            {target.dropReason && <Descriptions.Item label={t('drawer.reason')}>{target.dropReason}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('drawer.history')}
          </Typography.Title>
          <Timeline
            data-testid="drawer-history"
            items={[...target.history].reverse().map((e) => ({
              key: e.id,
              color: e.stage === 'DROPPED' ? 'gray' : 'blue',
              title: when(e.at),
              content: (
                <>
                  <Typography.Text strong>
                    {e.fromStage === e.stage ? t('drawer.edited') : e.fromStage ? `${stage(e.fromStage)} → ${stage(e.stage)}` : stage(e.stage)}
                  </Typography.Text>
                  {e.by && <Typography.Text type="secondary">{` · ${t('drawer.by')} ${e.by}`}</Typography.Text>}
                  {e.note && <div>{e.note}</div>}
                  {e.reason && <div>{`${t('drawer.reason')}：${e.reason}`}</div>}
                </>
              ),
            }))}
          />
          {target.source && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {`${t('drawer.source')}：${target.source}`}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Drawer>
  );
}
