import { App, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

import { DateInput } from '@/components/date-input';
import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';

import { useDealAction } from '../api/deal-actions';
import type { Deal } from '../api/get-deal';
import { DATE, notAfterToday, ReasonField, useLedgerRules } from './ledger-fields';

interface RegisterValues {
  registration_number: string;
  registered_on: Dayjs;
  reason: string;
}

export interface LedgerDialogProps {
  deal: Deal;
  open: boolean;
  onClose: () => void;
}

/** 认定登记: a recorded contract gets its registration number and date. */
export function RegisterDialog({ deal, open, onClose }: LedgerDialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const action = useDealAction(deal.id);
  const { required, picked } = useLedgerRules();
  return (
    <FormModal<RegisterValues>
      open={open}
      title={t('deals.action.register.title')}
      intro={t('deals.action.register.intro')}
      okText={t('deals.action.register')}
      initialValues={{ registration_number: '', registered_on: dayjs(), reason: '' }}
      onSubmit={(values) =>
        action
          .mutateAsync({
            action: 'register',
            body: {
              registration_number: values.registration_number.trim(),
              registered_on: values.registered_on.format(DATE),
              reason: values.reason.trim(),
            },
          })
          .then(() => void message.success(t('deals.action.register.done')))
      }
      onClose={onClose}
    >
      <Form.Item name="registration_number" label={t('deals.field.registrationNumber')} rules={[required(t('deals.field.registrationNumber'))]}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="registered_on" label={t('deals.field.registeredOn')} rules={[picked(t('deals.field.registeredOn'))]}>
        <DateInput
          format={DATE}
          style={{ width: '100%' }}
          disabledDate={(date) => notAfterToday(date) || date.isBefore(dayjs(deal.signed_on), 'day')}
        />
      </Form.Item>
      <ReasonField />
    </FormModal>
  );
}
