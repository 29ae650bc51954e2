import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

import { AmountField } from '@/components/amount-input';
import { useFormServerErrors } from '@/components/form-error-alert';
import { IndustrySelect } from '@/components/industry-select';
import { useI18n } from '@/i18n/i18n';
import { CONFIDENTIALITIES, FUNDING_MODES, LIST_TYPES, MODES, type Confidentiality, type FundingMode, type ListType, type Mode } from '@/utils/enums';

import type { ChallengeInput } from '../api/create-challenge';
import type { Challenge } from '../api/get-challenge';
import { useOrganisations } from '../api/get-organisations';
import type { ChallengeUpdate } from '../api/update-challenge';
import { EMPTY_INDICATOR, IndicatorsEditor, type IndicatorRow } from './indicators-editor';

export interface ChallengeFormValues {
  title: string;
  summary: string;
  description: string;
  industry: string;
  list_type: ListType;
  indicators: IndicatorRow[];
  keywords: string[];
  bounty: string;
  funding_mode: FundingMode;
  mode: Mode;
  max_winners?: number;
  bid_deadline: Dayjs;
  confidentiality: Confidentiality;
  invited?: number[];
}

/** Fields the server refuses to change once a challenge is published. */
const LOCKED_AFTER_PUBLISH = ['bounty', 'mode', 'max_winners', 'funding_mode', 'confidentiality'] as const;

export function toChallengeInput(values: ChallengeFormValues): ChallengeInput {
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    description: values.description.trim(),
    industry: values.industry,
    list_type: values.list_type,
    indicators: values.indicators.map((row) => ({ name: row.name.trim(), target: row.target.trim(), unit: (row.unit ?? '').trim() })),
    keywords: (values.keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean),
    bounty: values.bounty,
    funding_mode: values.funding_mode,
    mode: values.mode,
    // 揭榜挂帅 has exactly one winner; 赛马制 lets 2-10 teams race.
    max_winners: values.mode === 'saima' ? values.max_winners : 1,
    bid_deadline: values.bid_deadline.toISOString(),
    confidentiality: values.confidentiality,
    invited: values.confidentiality === 'invitation_only' ? (values.invited ?? []) : [],
  };
}

function initialValues(challenge?: Challenge): Partial<ChallengeFormValues> {
  if (!challenge) {
    return {
      indicators: [{ ...EMPTY_INDICATOR }],
      keywords: [],
      list_type: 'substitution',
      funding_mode: 'enterprise',
      mode: 'jiebang',
      max_winners: 2,
      confidentiality: 'public',
    };
  }
  return {
    title: challenge.title,
    summary: challenge.summary,
    description: challenge.description ?? '',
    industry: challenge.industry.code,
    list_type: challenge.list_type,
    indicators: challenge.indicators?.length ? challenge.indicators.map((i) => ({ ...i, unit: i.unit ?? '' })) : [{ ...EMPTY_INDICATOR }],
    keywords: challenge.keywords ?? [],
    bounty: challenge.bounty,
    funding_mode: challenge.funding_mode,
    mode: challenge.mode ?? 'jiebang',
    max_winners: challenge.mode === 'saima' ? challenge.max_winners : 2,
    bid_deadline: dayjs(challenge.bid_deadline),
    confidentiality: challenge.confidentiality ?? 'public',
  };
}

export interface ChallengeFormProps {
  /** The challenge to edit; without it the form drafts a new one. */
  challenge?: Challenge;
  submitLabel: string;
  submitting: boolean;
  onSubmit: (input: ChallengeInput | ChallengeUpdate) => Promise<unknown>;
}

/**
 * Create or edit a challenge. Server field errors appear next to their fields (including a
 * particular indicator row); anything else appears above the buttons.
 */
export function ChallengeForm({ challenge, submitLabel, submitting, onSubmit }: ChallengeFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<ChallengeFormValues>();
  const errors = useFormServerErrors(form);
  const mode = Form.useWatch('mode', form);
  const confidentiality = Form.useWatch('confidentiality', form);
  const published = challenge?.status === 'published';
  const organisations = useOrganisations({ enabled: confidentiality === 'invitation_only' });
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });
  const selectRequired = (field: string) => ({ required: true, message: t('form.select', { field }) });

  const submit = async (values: ChallengeFormValues) => {
    errors.clear();
    const input: ChallengeUpdate = toChallengeInput(values);
    if (published) for (const field of LOCKED_AFTER_PUBLISH) delete input[field];
    if (challenge) {
      // The detail output does not include the invitees, so an edit only sends them when changed.
      if (!form.isFieldTouched('invited')) delete input.invited;
      // The server stores microseconds and refuses an earlier deadline once published; resending
      // the unchanged value at millisecond precision would read as "earlier" (409).
      if (!form.isFieldTouched('bid_deadline')) delete input.bid_deadline;
    }
    try {
      await onSubmit(input);
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <Form<ChallengeFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues(challenge)}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
      aria-label={submitLabel}
      data-testid="challenge-form"
    >
      {published ? <Alert type="info" showIcon message={t('challengeForm.lockedNote')} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="title" label={t('challenges.field.title')} rules={[required(t('challenges.field.title'))]}>
        <Input maxLength={120} showCount />
      </Form.Item>
      <Form.Item name="summary" label={t('challenges.field.summary')} extra={t('challengeForm.summaryHelp')} rules={[required(t('challenges.field.summary'))]}>
        <Input.TextArea rows={2} maxLength={300} showCount />
      </Form.Item>
      <Form.Item name="description" label={t('challenges.field.description')} rules={[required(t('challenges.field.description'))]}>
        <Input.TextArea rows={6} maxLength={8000} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('challenges.field.industry')} rules={[selectRequired(t('challenges.field.industry'))]}>
            <IndustrySelect placeholder={t('challengeForm.industryPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="list_type" label={t('challenges.field.listType')} extra={t('challengeForm.listTypeHelp')} rules={[selectRequired(t('challenges.field.listType'))]}>
            <Radio.Group optionType="button" options={LIST_TYPES.map((value) => ({ value, label: t(`enum.listType.${value}`) }))} />
          </Form.Item>
        </Col>
      </Row>

      <IndicatorsEditor />

      <Form.Item name="keywords" label={t('challenges.field.keywords')} extra={t('challengeForm.keywordsHelp')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} maxCount={20} open={false} suffixIcon={null} />
      </Form.Item>

      <Row gutter={16}>
        <Col xs={24} md={12}>
          {published ? (
            <Form.Item name="bounty" label={t('challengeForm.bounty')}>
              <Input disabled suffix={t('common.yuan')} />
            </Form.Item>
          ) : (
            <AmountField name="bounty" label={t('challengeForm.bounty')} required />
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="funding_mode" label={t('challenges.field.fundingMode')} rules={[selectRequired(t('challenges.field.fundingMode'))]}>
            <Radio.Group disabled={published} optionType="button" options={FUNDING_MODES.map((value) => ({ value, label: t(`enum.fundingMode.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="mode"
            label={t('challenges.field.mode')}
            extra={mode === 'saima' ? t('challengeForm.modeHelp.saima') : t('challengeForm.modeHelp.jiebang')}
            rules={[selectRequired(t('challenges.field.mode'))]}
          >
            <Radio.Group disabled={published} optionType="button" options={MODES.map((value) => ({ value, label: t(`enum.mode.${value}`) }))} />
          </Form.Item>
        </Col>
        {mode === 'saima' ? (
          <Col xs={24} md={12}>
            <Form.Item
              name="max_winners"
              label={t('challenges.field.maxWinners')}
              extra={t('challengeForm.maxWinnersHelp')}
              rules={[
                { required: true, message: t('form.required', { field: t('challenges.field.maxWinners') }) },
                { type: 'number', min: 2, max: 10, message: t('challengeForm.maxWinnersRange') },
              ]}
            >
              <InputNumber disabled={published} min={2} max={10} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="bid_deadline"
            label={t('challenges.field.deadline')}
            extra={published ? t('challengeForm.deadlineLaterOnly') : undefined}
            rules={[{ required: true, message: t('form.select', { field: t('challenges.field.deadline') }) }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(date) => date.isBefore(dayjs().startOf('day'))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="confidentiality" label={t('challenges.field.confidentiality')} extra={t(`challengeForm.confidentialityHelp.${confidentiality ?? 'public'}`)}>
            <Radio.Group disabled={published} options={CONFIDENTIALITIES.map((value) => ({ value, label: t(`enum.confidentiality.${value}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      {confidentiality === 'invitation_only' ? (
        <Form.Item
          name="invited"
          label={t('challengeForm.invited')}
          extra={challenge ? t('challengeForm.invitedEditHelp') : undefined}
          rules={challenge ? [] : [{ required: true, type: 'array', min: 1, message: t('challengeForm.invitedRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            loading={organisations.isPending}
            options={(organisations.data?.results ?? [])
              .filter((org) => org.kind === 'institute' || org.kind === 'enterprise')
              .map((org) => ({ value: org.id, label: org.name }))}
          />
        </Form.Item>
      ) : null}

      {errors.alert}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Form>
  );
}
