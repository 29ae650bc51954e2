import { App, Button, Col, Form, InputNumber, Row } from 'antd';

import { AmountField } from '@/components/amount-input';
import { CountedTextArea, tooLong } from '@/components/counted-text';
import { useFormServerErrors } from '@/components/form-error-alert';
import { useI18n } from '@/i18n/i18n';

import { useCreateBid, type BidInput } from '../api/bids';
import { BidMilestonesField } from './bid-milestones-field';
import { BidPartnersField, type BidPartnersFieldProps } from './bid-partners-field';

export interface BidValues {
  proposal: string;
  approach: string;
  price: string;
  duration_days: number;
  milestones?: { title: string; due_day: number; deliverable?: string }[];
  partners?: { organisation: number; role?: string }[];
}

/** The request: texts trimmed, blank optional texts as ''. */
export function toBidInput(values: BidValues): BidInput {
  return {
    proposal: values.proposal.trim(),
    approach: values.approach.trim(),
    price: values.price,
    duration_days: values.duration_days,
    milestones: (values.milestones ?? []).map((m) => ({ title: m.title.trim(), due_day: m.due_day, deliverable: m.deliverable?.trim() ?? '' })),
    partners: (values.partners ?? []).map((p) => ({ organisation: p.organisation, role: p.role?.trim() ?? '' })),
  };
}

export interface BidFormProps extends BidPartnersFieldProps {
  challengeId: number;
  onDone?: () => void;
}

/** 揭榜申请: a proposal, the approach, price and duration, milestones and consortium partners. */
export function BidForm({ challengeId, myOrganisationId, ownerOrganisationId, onDone }: BidFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BidValues>();
  const errors = useFormServerErrors(form);
  const create = useCreateBid(challengeId);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  const submit = (values: BidValues) => {
    errors.clear();
    create.mutate(toBidInput(values), {
      onSuccess: () => {
        void message.success(t('bidForm.submitted'));
        form.resetFields();
        onDone?.();
      },
      onError: errors.show,
    });
  };

  return (
    <Form<BidValues> form={form} layout="vertical" onFinish={submit} aria-label={t('bidForm.title')} scrollToFirstError>
      <Form.Item name="proposal" label={t('bids.proposal')} rules={[tooLong(t, 8000), required(t('bids.proposal'))]}>
        <CountedTextArea rows={3} max={8000} placeholder={t('bidForm.proposalPlaceholder')} />
      </Form.Item>
      <Form.Item name="approach" label={t('bids.approach')} rules={[tooLong(t, 8000), required(t('bids.approach'))]}>
        <CountedTextArea rows={3} max={8000} placeholder={t('bidForm.approachPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <AmountField name="price" label={t('bidForm.price')} required />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="duration_days" label={t('bidForm.duration')} rules={[{ required: true, message: t('form.required', { field: t('bidForm.duration') }) }]}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} suffix={t('bids.dayUnit')} />
          </Form.Item>
        </Col>
      </Row>
      <BidMilestonesField />
      <BidPartnersField myOrganisationId={myOrganisationId} ownerOrganisationId={ownerOrganisationId} />
      {errors.alert}
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('bidForm.submit')}
      </Button>
    </Form>
  );
}
