import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';

/** A table row's change and remove buttons; removing asks first. */
export function RowActions({ editText, editLabel, editTestId, onEdit, removeText, removeLabel, removeTestId, removeConfirm, cancelText, onRemove }: {
  editText: string;
  editLabel: string;
  editTestId: string;
  onEdit(): void;
  removeText: string;
  removeLabel: string;
  removeTestId: string;
  removeConfirm: string;
  cancelText: string;
  /** A promise keeps the confirmation open, its button busy, until the API has answered. */
  onRemove(): Promise<void>;
}) {
  return (
    <Space size={4} wrap>
      <Button size="small" aria-label={editLabel} data-testid={editTestId} onClick={onEdit}>
        {editText}
      </Button>
      <Popconfirm title={removeConfirm} okText={removeText} cancelText={cancelText} okButtonProps={{ danger: true }} onConfirm={onRemove}>
        <Button size="small" danger aria-label={removeLabel} data-testid={removeTestId}>
          {removeText}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/**
 * Removing a row through the API: `problem` is the refusal in words (from `failed`), cleared at the
 * next try; `onRemoved` runs once the API has removed it.
 */
export function useRemoval<T>(removeOne: (item: T) => Promise<unknown>, failed: (message: string) => string, onRemoved: () => void) {
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async (item: T) => {
    setProblem(null);
    try {
      await removeOne(item);
      onRemoved();
    } catch (error) {
      setProblem(failed(error instanceof Error ? error.message : String(error)));
    }
  };
  return { problem, remove };
}
