import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';

import { AmountField } from '@/components/amount-input';
import { useFormServerErrors } from '@/components/form-error-alert';
import { useI18n } from '@/i18n/i18n';

import { useCreateBid, type BidInput } from '../api/bids';
import { useOrganisations } from '../api/get-organisations';

interface BidValues {
  proposal: string;
  approach: string;
  price: string;
  duration_days: number;
  milestones?: { title: string; due_day: number; deliverable?: string }[];
  partners?: { organisation: number; role?: string }[];
}

const MAX_MILESTONES = 20;
const MAX_PARTNERS = 10;

/** 揭榜申请: a proposal, the approach, price and duration, milestones and consortium partners. */
export function BidForm({
  challengeId,
  myOrganisationId,
  ownerOrganisationId,
  onDone,
}: {
  challengeId: number;
  myOrganisationId: number;
  /** The challenge's owner, who cannot be a partner either. */
  ownerOrganisationId?: number;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BidValues>();
  const errors = useFormServerErrors(form);
  const create = useCreateBid(challengeId);
  const organisations = useOrganisations();
  const partnerOptions = (organisations.data?.results ?? [])
    // Only verified enterprises and institutes can be partners, never the lead itself; the server
    // checks the rest (the owner, invitations, other bids) and answers under `partners`.
    .filter(
      (org) =>
        org.id !== myOrganisationId &&
        org.id !== ownerOrganisationId &&
        (org.kind === 'institute' || org.kind === 'enterprise') && org.verification === 'verified',
    )
    .map((org) => ({ value: org.id, label: org.name }));
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  const submit = (values: BidValues) => {
    errors.clear();
    const body: BidInput = {
      proposal: values.proposal.trim(),
      approach: values.approach.trim(),
      price: values.price,
      duration_days: values.duration_days,
      milestones: (values.milestones ?? []).map((m) => ({ title: m.title.trim(), due_day: m.due_day, deliverable: m.deliverable?.trim() ?? '' })),
      partners: (values.partners ?? []).map((p) => ({ organisation: p.organisation, role: p.role?.trim() ?? '' })),
    };
    create.mutate(body, {
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
      <Form.Item name="proposal" label={t('bids.proposal')} rules={[required(t('bids.proposal'))]}>
        <Input.TextArea rows={3} maxLength={8000} placeholder={t('bidForm.proposalPlaceholder')} />
      </Form.Item>
      <Form.Item name="approach" label={t('bids.approach')} rules={[required(t('bids.approach'))]}>
        <Input.TextArea rows={3} maxLength={8000} placeholder={t('bidForm.approachPlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <AmountField name="price" label={t('bidForm.price')} required />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="duration_days"
            label={t('bidForm.duration')}
            rules={[{ required: true, message: t('form.required', { field: t('bidForm.duration') }) }]}
          >
            <InputNumber min={1} max={3650} precision={0} style={{ width: '100%' }} suffix={t('bids.dayUnit')} />
          </Form.Item>
        </Col>
      </Row>

      <Form.List name="milestones">
        {(fields, { add, remove }, { errors: listErrors }) => (
          <fieldset className="form-fieldset">
            <legend>{t('bids.milestones')}</legend>
            {fields.map((field, index) => {
              const n = index + 1;
              return (
                <Row gutter={8} key={field.key} data-testid="milestone-row">
                  <Col xs={24} md={9}>
                    <Form.Item name={[field.name, 'title']} rules={[required(t('bidForm.milestoneTitle'))]}>
                      <Input aria-label={t('bidForm.milestoneTitleLabel', { n })} placeholder={t('bidForm.milestoneTitle')} maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={9} md={4}>
                    <Form.Item name={[field.name, 'due_day']} rules={[{ required: true, message: t('form.required', { field: t('bidForm.milestoneDay') }) }]}>
                      <InputNumber aria-label={t('bidForm.milestoneDayLabel', { n })} placeholder={t('bidForm.milestoneDay')} min={1} max={3650} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={9}>
                    <Form.Item name={[field.name, 'deliverable']}>
                      <Input aria-label={t('bidForm.deliverableLabel', { n })} placeholder={t('bidForm.deliverable')} maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={3} md={2}>
                    <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('bidForm.removeMilestone', { n })} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              );
            })}
            <Form.ErrorList errors={listErrors} />
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ title: '', deliverable: '' })} disabled={fields.length >= MAX_MILESTONES} block>
              {t('bidForm.addMilestone')}
            </Button>
          </fieldset>
        )}
      </Form.List>

      <Form.List name="partners">
        {(fields, { add, remove }, { errors: listErrors }) => (
          <fieldset className="form-fieldset">
            <legend>{t('bids.partners')}</legend>
            <p className="muted" style={{ marginTop: 0 }}>
              {t('bidForm.partnersHelp')}
            </p>
            {fields.length > 0 ? (
              <Alert type="info" showIcon message={t('bidForm.partnersConsent')} style={{ marginBottom: 12 }} data-testid="partners-consent" />
            ) : null}
            {fields.map((field, index) => {
              const n = index + 1;
              return (
                <Row gutter={8} key={field.key} data-testid="partner-row">
                  <Col xs={24} md={12}>
                    <Form.Item name={[field.name, 'organisation']} rules={[{ required: true, message: t('form.select', { field: t('bidForm.partner') }) }]}>
                      <Select
                        aria-label={t('bidForm.partnerLabel', { n })}
                        placeholder={t('bidForm.partner')}
                        showSearch
                        optionFilterProp="label"
                        loading={organisations.isPending}
                        options={partnerOptions}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={21} md={10}>
                    <Form.Item name={[field.name, 'role']}>
                      <Input aria-label={t('bidForm.partnerRoleLabel', { n })} placeholder={t('bidForm.partnerRole')} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={3} md={2}>
                    <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('bidForm.removePartner', { n })} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              );
            })}
            <Form.ErrorList errors={listErrors} />
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: '' })} disabled={fields.length >= MAX_PARTNERS} block>
              {t('bidForm.addPartner')}
            </Button>
          </fieldset>
        )}
      </Form.List>

      {errors.alert}
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('bidForm.submit')}
      </Button>
    </Form>
  );
}
