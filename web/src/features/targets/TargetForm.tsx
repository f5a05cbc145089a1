import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { graphql, refusedField } from '../../api/client';
import { wanToCny } from './moveRules';
import { SEGMENTS_QUERY, UPSERT_TARGET, type Target } from './operations';
import { useReloadableQuery } from './useReloadableQuery';
import { useTargetsText } from './useTargetsText';

interface Values {
  name: string;
  segmentCode: string;
  agreementWan: number | null;
  investmentWan: number | null;
  fundsWan: number | null;
  outputWan: number | null;
  owner: string;
  contact: string;
  notes: string;
}

const WAN_FIELDS = { agreementCny: 'agreementWan', investmentCny: 'investmentWan', fundsInPlaceCny: 'fundsWan', expectedOutputCny: 'outputWan' } as const;

const FORM_FIELDS: readonly (keyof Values)[] = ['name', 'segmentCode', 'agreementWan', 'investmentWan', 'fundsWan', 'outputWan', 'owner', 'contact', 'notes'];

/** The form field a server refusal names (`input.investmentCny` → investmentWan), or null for the form as a whole. */
function fieldOf(error: unknown): keyof Values | null {
  const field = refusedField(error);
  if (field === null) return null;
  const name = field.replace(/^input\./, '');
  const mapped = name in WAN_FIELDS ? WAN_FIELDS[name as keyof typeof WAN_FIELDS] : name;
  return (FORM_FIELDS as readonly string[]).includes(mapped) ? (mapped as keyof Values) : null;
}

const wan = (cny: number | null) => (cny === null ? null : cny / 10_000);
const cny = (w: number | null | undefined) => (w == null ? null : wanToCny(w));

/**
 * Creates a target (no `target`) or edits one. Amounts are typed in 万元, as bureaus write them.
 * The server validates; a refusal naming an input field is shown on that field.
 */
export function TargetForm({ districtCode, target, onSaved, onCancel }: { districtCode: string; target: Target | null; onSaved: () => void; onCancel: () => void }) {
  const { t, pick } = useTargetsText();
  const [form] = Form.useForm<Values>();
  const segments = useReloadableQuery(SEGMENTS_QUERY, {}, 0);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (v: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      await graphql(UPSERT_TARGET, {
        input: {
          id: target?.id ?? null,
          name: v.name,
          districtCode,
          segmentCode: v.segmentCode,
          leaderId: target?.leader?.id ?? null,
          firmId: target?.firm?.id ?? null,
          agreementCny: cny(v.agreementWan),
          investmentCny: cny(v.investmentWan),
          fundsInPlaceCny: cny(v.fundsWan),
          expectedOutputCny: cny(v.outputWan),
          owner: v.owner || null,
          contact: v.contact || null,
          notes: v.notes || null,
        },
      });
      onSaved();
    } catch (error) {
      const formField = fieldOf(error);
      const message = error instanceof Error ? error.message : String(error);
      if (formField) {
        form.setFields([{ name: formField, errors: [message] }]);
      } else {
        setProblem(t('form.failed', { message }));
      }
    } finally {
      setSaving(false);
    }
  };

  const money = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={`${label}${t('form.wan')}`}>
      <InputNumber min={0} step={100} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={target ? t('form.editTitle', { name: target.name }) : t('form.newTitle')}
      okText={t('form.save')}
      cancelText={t('move.cancel')}
      confirmLoading={saving}
      // data-* attributes are valid on the button but not in ButtonProps' type.
      okButtonProps={{ 'data-testid': 'form-save' } as Record<string, string>}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="target-form"
        onFinish={(v) => void save(v)}
        initialValues={{
          name: target?.name ?? '',
          segmentCode: target?.segment.code,
          agreementWan: wan(target?.agreementCny ?? null),
          investmentWan: wan(target?.investmentCny ?? null),
          fundsWan: wan(target?.fundsInPlaceCny ?? null),
          outputWan: wan(target?.expectedOutputCny ?? null),
          owner: target?.owner ?? '',
          contact: target?.contact ?? '',
          notes: target?.notes ?? '',
        }}
      >
        <Form.Item name="name" label={t('col.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="segmentCode" label={t('col.segment')} rules={[{ required: true, message: t('form.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(segments.data?.segments ?? []).map((s) => ({ value: s.code, label: pick(s.nameZh, s.nameEn) }))} />
        </Form.Item>
        {money('agreementWan', t('col.agreement'))}
        {money('investmentWan', t('col.investment'))}
        {money('fundsWan', t('col.funds'))}
        {money('outputWan', t('col.output'))}
        <Form.Item name="owner" label={t('col.owner')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contact" label={t('drawer.contact')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('drawer.notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {problem && <Alert type="error" role="alert" showIcon title={problem} />}
      </Form>
    </Modal>
  );
}
