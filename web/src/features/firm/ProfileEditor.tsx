import { useState, type ReactNode } from 'react';
import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { graphql } from '../../api/client';
import type { FirmProfile } from '../../api/firm';
import { useQuery } from '../../api/useQuery';
import { useAuth } from '../../auth/context';
import { useI18n } from '../../i18n/I18nProvider';
import { shortName } from '../../lib/names';
import { EditModal } from './EditModal';
import { CHOICES_QUERY, UPSERT_FIRM } from './operations';
import { firmInput, PROFILE_FIELD_OF_INPUT, profileValues, type ProfileField, type ProfileValues } from './profileInput';
import { firmText, type FirmTextKey } from './text';
import { useFirmText } from './useFirmText';
import { useFormSave } from './useFormSave';

const LABEL_KEYS: Record<ProfileField, FirmTextKey> = {
  nameZh: 'profile.nameZh',
  nameEn: 'profile.nameEn',
  shortNameZh: 'profile.shortNameZh',
  shortNameEn: 'profile.shortNameEn',
  creditCode: 'profile.creditCode',
  districtCode: 'profile.district',
  isChainLeader: 'profile.isChainLeader',
  isOem: 'profile.isOem',
  isRecycler: 'profile.isRecycler',
  output: 'profile.output',
  outputYear: 'profile.outputYear',
  yieldPct: 'profile.yield',
  certifications: 'profile.certifications',
  lat: 'profile.lat',
  lng: 'profile.lng',
  notes: 'profile.notes',
};

/**
 * Edits a firm's profile as its staff, its bureau or an admin keep it current. The server
 * validates every field and the refusal is shown on the field it names.
 */
export function ProfileEditor({ firm, onSaved, onCancel }: { firm: FirmProfile; onSaved(): void; onCancel(): void }) {
  const { pick } = useI18n();
  const { ft, lang } = useFirmText();
  const { user } = useAuth();
  const [form] = Form.useForm<ProfileValues>();
  // Money is typed in the unit the form opened with, even if the language is switched meanwhile.
  const [unitLang] = useState(lang);
  const choices = useQuery(CHOICES_QUERY, {});
  const label = (field: ProfileField) => ft(LABEL_KEYS[field]) + (field === 'output' ? firmText(unitLang, 'money.unit') : '');
  const { saving, problem, save } = useFormSave(form, PROFILE_FIELD_OF_INPUT, label, ['yieldPct']);
  // Chain leader, OEM and recycler are the bureau's designations, not facts a firm keeps current;
  // the form offers them to bureaus and admins only (a firm's save sends them unchanged, and the
  // server refuses a firm's staff any change to them).
  const designates = user?.role === 'ADMIN' || user?.role === 'BUREAU';
  // Only an admin moves a firm to another district: a bureau keeps the firms of its own district,
  // and a firm's district is its bureau's to set (the server refuses anyone else).
  const movesDistrict = user?.role === 'ADMIN';
  const required = [{ required: true, whitespace: true, message: ft('required') }];

  const item = (field: ProfileField, control: ReactNode, extra: { rules?: typeof required } = {}) => (
    <Form.Item name={field} label={label(field)} rules={extra.rules}>
      {control}
    </Form.Item>
  );

  return (
    <EditModal
      title={ft('profile.title', { name: shortName(firm, pick) })}
      saving={saving}
      problem={problem}
      onOk={() => form.submit()}
      onCancel={onCancel}
      testId="profile-form"
    >
      <Form<ProfileValues>
        form={form}
        // Named, so its fields' ids ("profile_year") cannot collide with ids elsewhere on the page.
        name="profile"
        layout="vertical"
        initialValues={profileValues(firm, unitLang)}
        onFinish={(values) => void save(() => graphql(UPSERT_FIRM, { input: firmInput(firm, values, unitLang) }), onSaved)}
      >
        <Row gutter={12}>
          <Col span={12}>{item('nameZh', <Input maxLength={200} />, { rules: required })}</Col>
          <Col span={12}>{item('nameEn', <Input maxLength={200} />, { rules: required })}</Col>
          <Col span={12}>{item('shortNameZh', <Input maxLength={200} />)}</Col>
          <Col span={12}>{item('shortNameEn', <Input maxLength={200} />)}</Col>
          <Col span={12}>{item('creditCode', <Input maxLength={18} />)}</Col>
          <Col span={12}>
            {item(
              'districtCode',
              <Select
                disabled={!movesDistrict}
                showSearch={{ optionFilterProp: 'label' }}
                loading={!choices.data}
                options={(choices.data?.districts ?? [firm.district]).map((d) => ({ value: d.code, label: pick(d.nameZh, d.nameEn) }))}
              />,
            )}
          </Col>
          <Col span={12}>{item('output', <InputNumber style={{ width: '100%' }} />)}</Col>
          <Col span={12}>{item('outputYear', <InputNumber precision={0} style={{ width: '100%' }} />)}</Col>
          <Col span={12}>{item('yieldPct', <InputNumber style={{ width: '100%' }} />)}</Col>
          <Col span={12}>{item('certifications', <Select mode="tags" tokenSeparators={[',', '，']} suffixIcon={null} />)}</Col>
          <Col span={12}>{item('lat', <InputNumber style={{ width: '100%' }} />)}</Col>
          <Col span={12}>{item('lng', <InputNumber style={{ width: '100%' }} />)}</Col>
        </Row>
        {designates ? (
          <fieldset className="form-fieldset">
            <legend>{ft('profile.roles')}</legend>
            {(['isChainLeader', 'isOem', 'isRecycler'] as const).map((field) => (
              <Form.Item key={field} name={field} valuePropName="checked" noStyle>
                <Checkbox>{label(field)}</Checkbox>
              </Form.Item>
            ))}
          </fieldset>
        ) : null}
        {item('notes', <Input.TextArea rows={3} maxLength={2000} />)}
      </Form>
    </EditModal>
  );
}
