import { Form, Input, InputNumber, Select } from 'antd';
import { graphql } from '../../api/client';
import type { FirmNeed } from '../../api/firm';
import { useQuery } from '../../api/useQuery';
import { useI18n } from '../../i18n/I18nProvider';
import { EditModal } from './EditModal';
import { CHOICES_QUERY, SET_NEED } from './operations';
import type { FirmTextKey } from './text';
import { textOrNull } from './units';
import { useFirmText } from './useFirmText';
import { useFormSave } from './useFormSave';

interface Values {
  segmentCode: string | undefined;
  annualDemand: number | null;
  unit: string;
}

const FIELD_OF_INPUT: Readonly<Partial<Record<string, keyof Values>>> = { segmentCode: 'segmentCode', annualDemand: 'annualDemand', unit: 'unit' };
const LABEL_KEYS: Record<keyof Values, FirmTextKey> = { segmentCode: 'needs.segment', annualDemand: 'needs.demand', unit: 'needs.unit' };

/**
 * Adds a segment the firm buys (no `need`) or changes how much of it it buys a year. A need's
 * segment is its identity, so it is fixed when editing; another segment is a new need.
 */
export function NeedEditor({ firmId, need, taken, onSaved, onCancel }: {
  firmId: string;
  need: FirmNeed | null;
  /** Segments the firm already needs, left out of a new need's choices. */
  taken: readonly string[];
  onSaved(): void;
  onCancel(): void;
}) {
  const { pick } = useI18n();
  const { ft } = useFirmText();
  const [form] = Form.useForm<Values>();
  const choices = useQuery(CHOICES_QUERY, {});
  const label = (field: keyof Values) => ft(LABEL_KEYS[field]);
  const { saving, problem, save } = useFormSave(form, FIELD_OF_INPUT, label);

  const submit = (values: Values) => {
    const segmentCode = need?.segment.code ?? values.segmentCode;
    if (!segmentCode) return;
    void save(() => graphql(SET_NEED, { input: { firmId, segmentCode, annualDemand: values.annualDemand ?? null, unit: textOrNull(values.unit) } }), onSaved);
  };

  const segments = need ? [need.segment] : (choices.data?.segments ?? []).filter((s) => !taken.includes(s.code));
  return (
    <EditModal
      title={need ? ft('needs.editTitle', { segment: pick(need.segment.nameZh, need.segment.nameEn) }) : ft('needs.addTitle')}
      saving={saving}
      problem={problem}
      onOk={() => form.submit()}
      onCancel={onCancel}
      testId="need-form"
    >
      <Form<Values>
        form={form}
        // Named, so its fields' ids ("need_year") cannot collide with ids elsewhere on the page.
        name="need"
        layout="vertical"
        initialValues={{ segmentCode: need?.segment.code, annualDemand: need?.annualDemand ?? null, unit: need?.unit ?? '' }}
        onFinish={submit}
      >
        <Form.Item name="segmentCode" label={label('segmentCode')} rules={[{ required: true, message: ft('required') }]}>
          <Select
            disabled={need !== null}
            showSearch={{ optionFilterProp: 'label' }}
            loading={!need && !choices.data}
            options={segments.map((s) => ({ value: s.code, label: pick(s.nameZh, s.nameEn) }))}
          />
        </Form.Item>
        <Form.Item name="annualDemand" label={label('annualDemand')}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unit" label={label('unit')}>
          <Input maxLength={32} />
        </Form.Item>
      </Form>
    </EditModal>
  );
}
