import { useState } from 'react';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { graphql } from '../../api/client';
import { ORDER_STATUSES, type FirmOrder } from '../../api/firm';
import { useQuery } from '../../api/useQuery';
import { useI18n } from '../../i18n/I18nProvider';
import { EditModal } from './EditModal';
import { CHOICES_QUERY, RECORD_ORDER } from './operations';
import { counterpartyOf, DIRECTIONS, ORDER_FIELD_OF_INPUT, orderInput, orderValues, type OrderField, type OrderValues } from './orderInput';
import { PartySelect } from './PartySelect';
import { firmText, type FirmTextKey } from './text';
import { useFirmText } from './useFirmText';
import { useFormSave } from './useFormSave';

const LABEL_KEYS: Record<OrderField, FirmTextKey> = {
  direction: 'orders.direction',
  counterpartyId: 'orders.counterparty',
  segmentCode: 'orders.segment',
  year: 'orders.year',
  amount: 'orders.amount',
  quantity: 'orders.quantity',
  unit: 'orders.unit',
  status: 'orders.status',
};

/**
 * Records an order of the firm (no `order`) or changes one: the whole order is sent again and
 * replaces the old one. The server validates; a refusal is shown on the field it names.
 */
export function OrderEditor({ firmId, order, year, onSaved, onCancel }: {
  firmId: string;
  order: FirmOrder | null;
  /** The panel's year, for a new order. */
  year: number;
  onSaved(): void;
  onCancel(): void;
}) {
  const { pick } = useI18n();
  const { ft, lang } = useFirmText();
  const [form] = Form.useForm<OrderValues>();
  // The amount is typed in the unit the form opened with, even if the language is switched meanwhile.
  const [unitLang] = useState(lang);
  const choices = useQuery(CHOICES_QUERY, {});
  const label = (field: OrderField) => ft(LABEL_KEYS[field]) + (field === 'amount' ? firmText(unitLang, 'money.unit') : '');
  const { saving, problem, save } = useFormSave(form, ORDER_FIELD_OF_INPUT, label);
  const required = [{ required: true, message: ft('required') }];

  const submit = (values: OrderValues) => {
    const input = orderInput(firmId, order?.id ?? null, values, unitLang);
    if (input) void save(() => graphql(RECORD_ORDER, { input }), onSaved);
  };

  return (
    <EditModal title={ft(order ? 'orders.editTitle' : 'orders.addTitle')} saving={saving} problem={problem} onOk={() => form.submit()} onCancel={onCancel} testId="order-form">
      {/* Named, so its fields' ids ("order_year") cannot collide with ids elsewhere on the page. */}
      <Form<OrderValues> form={form} name="order" layout="vertical" initialValues={orderValues(firmId, order, year, unitLang)} onFinish={submit}>
        <Form.Item name="direction" label={label('direction')} rules={required}>
          <Select options={DIRECTIONS.map((d) => ({ value: d, label: ft(`orders.direction.${d}`) }))} />
        </Form.Item>
        <Form.Item name="counterpartyId" label={label('counterpartyId')} rules={required}>
          <PartySelect firmId={firmId} initial={order ? counterpartyOf(firmId, order) : null} placeholder={ft('orders.counterpartySearch')} />
        </Form.Item>
        <Form.Item name="segmentCode" label={label('segmentCode')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={!choices.data}
            options={(choices.data?.segments ?? (order ? [order.segment] : [])).map((s) => ({ value: s.code, label: pick(s.nameZh, s.nameEn) }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="year" label={label('year')} rules={required}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={label('status')} rules={required}>
              <Select options={ORDER_STATUSES.map((s) => ({ value: s, label: ft(`orders.status.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="amount" label={label('amount')} rules={required}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="quantity" label={label('quantity')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unit" label={label('unit')}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </EditModal>
  );
}
