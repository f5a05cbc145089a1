import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import type { Target } from './operations';
import { useTargetsText } from './useTargetsText';

export interface MoveAnswer {
  reason: string | null;
  agreementWan: number | null;
  note: string | null;
}

/**
 * Asks what a move needs before it is sent: the reason for a drop, the agreement amount (万元) for
 * a signing. Refuses to confirm without it, saying so in words; the server checks the same again.
 */
export function MoveDialog({
  target,
  kind,
  onConfirm,
  onCancel,
}: {
  target: Target;
  kind: 'askReason' | 'askAmount';
  onConfirm: (answer: MoveAnswer) => void;
  onCancel: () => void;
}) {
  const { t } = useTargetsText();
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState<number | null>(target.agreementCny === null ? null : target.agreementCny / 10_000);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = () => {
    if (kind === 'askReason' && !reason.trim()) return setProblem(t('move.dropNeedReason'));
    if (kind === 'askAmount' && !(amount !== null && amount > 0)) return setProblem(t('move.signNeedAmount'));
    onConfirm({ reason: kind === 'askReason' ? reason.trim() : null, agreementWan: kind === 'askAmount' ? amount : null, note: note.trim() || null });
  };

  return (
    <Modal
      open
      title={t(kind === 'askReason' ? 'move.dropTitle' : 'move.signTitle', { name: target.name })}
      okText={t('move.ok')}
      cancelText={t('move.cancel')}
      onOk={confirm}
      onCancel={onCancel}
      // data-* attributes are valid on the button but not in ButtonProps' type.
      okButtonProps={{ 'data-testid': 'move-confirm' } as Record<string, string>}
      destroyOnHidden
    >
      <Form layout="vertical">
        {kind === 'askReason' ? (
          <Form.Item label={t('move.dropReason')} required>
            <Input.TextArea data-testid="move-reason" autoFocus rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        ) : (
          <Form.Item label={t('move.signAmount')} required>
            <InputNumber data-testid="move-amount" autoFocus min={0} step={1000} style={{ width: '100%' }} value={amount} onChange={(v) => setAmount(typeof v === 'number' ? v : null)} />
          </Form.Item>
        )}
        <Form.Item label={t('move.note')}>
          <Input data-testid="move-note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
        {problem && <Alert type="error" role="alert" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
