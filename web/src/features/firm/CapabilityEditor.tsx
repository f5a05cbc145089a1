import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { gql, graphql, refusedField } from '../../api/client';
import type { FirmProfile } from '../../api/firm';
import { useI18n } from '../../i18n/I18nProvider';
import { percentOf, shareOf } from './units';

type Capability = FirmProfile['capabilities'][number];

interface Values {
  capacity: number | null;
  unit: string;
  utilisationPct: number | null;
  yieldPct: number | null;
}

const SET_CAPABILITY = gql<{ setCapability: { id: string } }, { input: Record<string, unknown> }>(/* GraphQL */ `
  mutation SetCapability($input: CapabilityInput!) {
    setCapability(input: $input) { id }
  }
`);

/** Server field names (input.utilisation) → this form's fields, so a refusal shows where it belongs. */
const FIELD_OF_INPUT: Partial<Record<string, keyof Values>> = { capacity: 'capacity', unit: 'unit', utilisation: 'utilisationPct', yieldRate: 'yieldPct' };

/**
 * Edits one capability of a firm: capacity, utilisation and yield, as the firm's staff or its
 * bureau keep them current. Percentages are typed as people say them (80, not 0.8); the server
 * validates and its refusal is shown on the field it names.
 */
export function CapabilityEditor({ firmId, capability, onSaved, onCancel }: { firmId: string; capability: Capability; onSaved(): void; onCancel(): void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (values: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      await graphql(SET_CAPABILITY, {
        input: {
          firmId,
          segmentCode: capability.segment.code,
          capacity: values.capacity,
          unit: values.unit.trim() === '' ? null : values.unit.trim(),
          utilisation: shareOf(values.utilisationPct),
          yieldRate: shareOf(values.yieldPct),
        },
      });
      onSaved();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const field = FIELD_OF_INPUT[refusedField(error)?.replace(/^input\./, '') ?? ''];
      if (field) form.setFields([{ name: field, errors: [message] }]);
      else setProblem(t('firm.edit.failed', { message }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('firm.edit.title', { segment: pick(capability.segment.nameZh, capability.segment.nameEn) })}
      okText={t('firm.edit.save')}
      cancelText={t('firm.edit.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{ capacity: capability.capacity, unit: capability.unit ?? '', utilisationPct: percentOf(capability.utilisation), yieldPct: percentOf(capability.yieldRate) }}
      >
        <Form.Item name="capacity" label={t('firm.edit.capacity')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unit" label={t('firm.edit.unit')}>
          <Input />
        </Form.Item>
        <Form.Item name="utilisationPct" label={t('firm.edit.utilisation')}>
          <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="yieldPct" label={t('firm.edit.yield')}>
          <InputNumber min={0} max={100} step={1} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {problem ? <Alert type="error" title={problem} /> : null}
    </Modal>
  );
}
