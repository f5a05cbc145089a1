import type { ReactNode } from 'react';
import { Alert, Modal } from 'antd';
import { useFirmText } from './useFirmText';

/** The frame every firm edit shares: a dialog with save and cancel, and the reason a save failed. */
export function EditModal({ title, saving, problem, onOk, onCancel, testId, children }: {
  title: string;
  saving: boolean;
  problem: string | null;
  onOk(): void;
  onCancel(): void;
  testId: string;
  children: ReactNode;
}) {
  const { ft } = useFirmText();
  return (
    <Modal
      open
      title={title}
      okText={ft('save')}
      cancelText={ft('cancel')}
      confirmLoading={saving}
      // data-* attributes are valid on the button but not in ButtonProps' type.
      okButtonProps={{ 'data-testid': `${testId}-save` } as Record<string, string>}
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div data-testid={testId}>
        {children}
        {problem ? <Alert type="error" role="alert" showIcon title={problem} data-testid={`${testId}-problem`} /> : null}
      </div>
    </Modal>
  );
}
