import { useState } from 'react';
import { Alert, Form, InputNumber, Modal } from 'antd';
import { gql, graphql, refusedField } from '../../api/client';
import { useTargetsText } from './useTargetsText';

interface Values {
  projects: number | null;
  agreementYi: number | null;
}

const SET_GOAL = gql<{ setGoal: { id: string } }, { districtCode: string; year: number; projects: number; agreementCny: number }>(/* GraphQL */ `
  mutation SetGoal($districtCode: String!, $year: Int!, $projects: Int!, $agreementCny: Float!) {
    setGoal(districtCode: $districtCode, year: $year, projects: $projects, agreementCny: $agreementCny) { id }
  }
`);

const FIELD_OF_ARG: Partial<Record<string, keyof Values>> = { projects: 'projects', agreementCny: 'agreementYi' };

/**
 * Sets the district's goal for a year: projects to sign and the agreement amount, typed in 亿元 as
 * goals are announced ("30 projects, 110亿"). The server validates; a refusal is shown on its field.
 */
export function GoalForm({ districtCode, year, current, onSaved, onCancel }: {
  districtCode: string;
  year: number;
  current: { projects: number; agreementCny: number } | null;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useTargetsText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async ({ projects, agreementYi }: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      await graphql(SET_GOAL, { districtCode, year, projects: projects ?? 0, agreementCny: Math.round((agreementYi ?? 0) * 1e8) });
      onSaved();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const field = FIELD_OF_ARG[refusedField(error) ?? ''];
      if (field) form.setFields([{ name: field, errors: [message] }]);
      else setProblem(message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t('goal.title', { year })} okText={t('goal.save')} cancelText={t('goal.cancel')} confirmLoading={saving} onOk={() => form.submit()} onCancel={onCancel} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{ projects: current?.projects ?? null, agreementYi: current ? current.agreementCny / 1e8 : null }}
      >
        <Form.Item name="projects" label={t('goal.projects')} rules={[{ required: true, message: t('goal.required') }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="agreementYi" label={t('goal.agreementYi')} rules={[{ required: true, message: t('goal.required') }]}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {problem ? <Alert type="error" title={problem} /> : null}
    </Modal>
  );
}
