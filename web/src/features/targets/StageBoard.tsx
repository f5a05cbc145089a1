import { useState, type DragEvent } from 'react';
import { Alert, Card, Tag, Typography } from 'antd';
import { graphql, GraphQLRequestError } from '../../api/client';
import { MoveDialog, type MoveAnswer } from './MoveDialog';
import { planDrop, wanToCny } from './moveRules';
import { MOVE_TARGET, TARGET_STAGES, type Target, type TargetStage } from './operations';
import { useTargetsText } from './useTargetsText';

type Notice = { kind: 'error' | 'success'; text: string } | null;
type Pending = { target: Target; to: TargetStage; kind: 'askReason' | 'askAmount' } | null;

const DRAG_TYPE = 'application/x-yulian-target';

/**
 * The targets as cards in one column per stage. Dragging a card onto another column asks the
 * server to move it; a move the rules do not allow is refused here in words before any request,
 * and a drop or signing first asks for its reason or amount.
 */
export function StageBoard({ targets, onMoved, onOpen }: { targets: Target[]; onMoved: () => void; onOpen: (t: Target) => void }) {
  const { t, stage, money, pick } = useTargetsText();
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [over, setOver] = useState<TargetStage | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (target: Target, to: TargetStage, answer: MoveAnswer | null) => {
    setBusy(true);
    try {
      await graphql(MOVE_TARGET, {
        id: target.id,
        stage: to,
        note: answer?.note ?? null,
        reason: answer?.reason ?? null,
        agreementCny: answer?.agreementWan == null ? null : wanToCny(answer.agreementWan),
      });
      setNotice({ kind: 'success', text: t('board.moved', { to: stage(to) }) });
      onMoved();
    } catch (error) {
      const message = error instanceof GraphQLRequestError || error instanceof Error ? error.message : String(error);
      setNotice({ kind: 'error', text: t('board.failed', { message }) });
    } finally {
      setBusy(false);
    }
  };

  const drop = (to: TargetStage, event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(null);
    const target = targets.find((x) => x.id === event.dataTransfer.getData(DRAG_TYPE));
    if (!target || busy) return;
    const plan = planDrop(target, to);
    if (plan.kind === 'none') return;
    if (plan.kind === 'refuse') {
      const why = plan.next ? t('board.why.oneStep', { next: stage(plan.next) }) : t('board.why.closed');
      setNotice({ kind: 'error', text: t('board.refused', { from: stage(target.stage), to: stage(to), why }) });
      return;
    }
    if (plan.kind === 'move') return void send(target, to, null);
    setPending({ target, to, kind: plan.kind });
  };

  return (
    <div className="targets-board" data-testid="targets-board" aria-busy={busy}>
      <Typography.Paragraph type="secondary">{t('board.hint')}</Typography.Paragraph>
      {notice && (
        <Alert
          type={notice.kind}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'board-error' : 'board-notice'}
          showIcon
          closable={{ onClose: () => setNotice(null) }}
          title={notice.text}
          style={{ marginBottom: 12 }}
        />
      )}
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${TARGET_STAGES.length}, minmax(160px, 1fr))`, gap: 8, overflowX: 'auto' }}>
        {TARGET_STAGES.map((s) => {
          const cards = targets.filter((x) => x.stage === s);
          return (
            <section
              key={s}
              data-testid={`column-${s}`}
              aria-label={stage(s)}
              onDragOver={(e) => {
                e.preventDefault();
                setOver(s);
              }}
              onDragLeave={() => setOver((o) => (o === s ? null : o))}
              onDrop={(e) => drop(s, e)}
              style={{
                background: over === s ? '#e6f4ff' : '#f5f5f5',
                borderRadius: 8,
                padding: 8,
                minHeight: 240,
                outline: over === s ? '2px dashed #1677ff' : 'none',
              }}
            >
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {stage(s)} <Tag>{cards.length}</Tag>
              </Typography.Title>
              {cards.map((x) => (
                <Card
                  key={x.id}
                  size="small"
                  data-testid={`card-${x.id}`}
                  data-stage={x.stage}
                  draggable={!busy}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, x.id);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onClick={() => onOpen(x)}
                  style={{ marginBottom: 8, cursor: 'grab' }}
                >
                  <Typography.Text strong>{x.name}</Typography.Text>
                  <div>
                    <Tag>{pick(x.segment.nameZh, x.segment.nameEn)}</Tag>
                  </div>
                  {x.agreementCny !== null && <Typography.Text type="secondary">{money(x.agreementCny)}</Typography.Text>}
                  {x.dropReason && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{x.dropReason}</Typography.Paragraph>}
                </Card>
              ))}
            </section>
          );
        })}
      </div>
      {pending && (
        <MoveDialog
          target={pending.target}
          kind={pending.kind}
          onCancel={() => setPending(null)}
          onConfirm={(answer) => {
            const { target, to } = pending;
            setPending(null);
            void send(target, to, answer);
          }}
        />
      )}
    </div>
  );
}
