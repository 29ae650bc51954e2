import { App, Button, Drawer, Form, Grid, Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';

import { CardTitle } from '@/components/card-title';
import { DateInput } from '@/components/date-input';
import { useFormServerErrors } from '@/components/form-error-alert';
import { ErrorResult } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import { useAddTargetProgress } from '../api/add-target-progress';
import { useTarget, type PolicyTarget, type TargetProgress } from '../api/get-targets';
import { formatPlain } from '../utils/figures';

import { TargetProgressBar } from './target-progress-bar';
import { TargetRecords } from './target-records';

/** As TargetProgressInputSerializer: non-negative, at most 13 integer digits and 2 decimals. */
const VALUE_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

interface ProgressValues {
  value: string;
  as_of: Dayjs;
  note?: string;
}

function ProgressForm({ target }: { target: PolicyTarget }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressValues>();
  const errors = useFormServerErrors(form);
  const add = useAddTargetProgress(target.id);
  const valueLabel = t('policyTargets.form.value');
  const asOfLabel = t('policyTargets.form.asOf');

  const submit = (values: ProgressValues) => {
    errors.clear();
    add.mutate(
      { value: values.value.trim(), as_of: values.as_of.format('YYYY-MM-DD'), note: values.note?.trim() ?? '' },
      {
        onSuccess: () => {
          void message.success(t('policyTargets.form.saved'));
          form.resetFields();
        },
        onError: errors.show,
      },
    );
  };

  return (
    <Form<ProgressValues> form={form} layout="vertical" onFinish={submit} aria-label={t('policyTargets.form.title')} initialValues={{ as_of: dayjs() }}>
      <Form.Item
        name="value"
        label={valueLabel}
        rules={[
          { required: true, whitespace: true, message: t('form.required', { field: valueLabel }) },
          { pattern: VALUE_PATTERN, message: t('policyTargets.form.valueInvalid') },
        ]}
        extra={t('policyTargets.form.valueHelp', { target: target.target_text })}
      >
        <Input inputMode="decimal" suffix={target.unit} maxLength={17} />
      </Form.Item>
      <Form.Item name="as_of" label={asOfLabel} rules={[{ required: true, message: t('form.select', { field: asOfLabel }) }]}>
        <DateInput
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          style={{ width: '100%' }}
          allowClear={false}
          // Inside the drawer, so the calendar scrolls with the form and shares the drawer's layer.
          getPopupContainer={(trigger) => trigger.parentElement ?? document.body}
        />
      </Form.Item>
      <Form.Item name="note" label={t('policyTargets.form.note')}>
        <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('policyTargets.form.notePlaceholder')} />
      </Form.Item>
      {errors.alert}
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('policyTargets.form.submit')}
      </Button>
    </Form>
  );
}

function History({ target }: { target: PolicyTarget }) {
  const { t, formatDate, formatMinute } = useI18n();
  const detail = useTarget(target.id);
  const columns: ColumnsType<TargetProgress> = [
    { title: t('policyTargets.history.asOf'), key: 'as_of', width: 130, render: (_, entry) => formatDate(entry.as_of) },
    { title: t('policyTargets.history.value'), key: 'value', width: 110, align: 'right', render: (_, entry) => `${formatPlain(entry.value)} ${target.unit}` },
    { title: t('policyTargets.history.note'), dataIndex: 'note', render: (note?: string) => note || '—' },
    {
      title: t('policyTargets.history.by'),
      key: 'by',
      width: 150,
      render: (_, entry) => (
        <>
          <div>{entry.by}</div>
          {entry.at ? <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{formatMinute(entry.at)}</div> : null}
        </>
      ),
    },
  ];
  if (detail.isError) return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  return (
    <Table<TargetProgress>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={detail.data?.history ?? []}
      loading={detail.isFetching}
      scroll={{ x: 560 }}
      locale={{ emptyText: detail.isPending ? t('common.loading') : t('policyTargets.history.empty') }}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="target-history"
    />
  );
}

/** One target: where it stands; if computed, its rule and records, else the form for a new reading and every earlier one. */
export function TargetDrawer({ target, onClose }: { target: PolicyTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer open={target !== null} onClose={onClose} title={target?.name} width={screens.md === false ? '100%' : 720} destroyOnHidden data-testid="target-drawer">
      {target ? (
        <>
          <Typography.Paragraph>
            {t('policyTargets.target', { year: target.year })}
            <Typography.Text strong>{target.target_text}</Typography.Text>
            {target.target_value !== null ? `（${target.direction_label}）` : null}
          </Typography.Paragraph>
          {target.progress_ratio !== null ? <TargetProgressBar target={target} /> : null}
          {target.computed ? (
            <TargetRecords target={target} computed={target.computed} />
          ) : (
            <>
              <section style={{ marginTop: 24 }} aria-labelledby="target-form-title">
                <div id="target-form-title" style={{ marginBottom: 12 }}>
                  <CardTitle>{t('policyTargets.form.title')}</CardTitle>
                </div>
                <ProgressForm target={target} />
              </section>
              <section style={{ marginTop: 32 }} aria-labelledby="target-history-title">
                <div id="target-history-title" style={{ marginBottom: 12 }}>
                  <CardTitle>{t('policyTargets.history.title')}</CardTitle>
                </div>
                <History target={target} />
              </section>
            </>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
