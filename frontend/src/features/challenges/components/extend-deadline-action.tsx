import { FieldTimeOutlined } from '@ant-design/icons';
import { App, Button, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';

import { CountedTextArea, tooLong } from '@/components/counted-text';
import { DateInput } from '@/components/date-input';
import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';

import type { Challenge } from '../api/get-challenge';
import { useChallengeHistory } from '../api/get-challenge-history';
import { useExtendDeadline } from '../api/questions';

/** The default offered: two weeks after the current deadline (a Q&A round and a revised bid). */
const DEFAULT_EXTENSION_DAYS = 14;

interface ExtensionValues {
  bid_deadline: Dayjs;
  reason: string;
}

/**
 * The owner extends the bid deadline once, saying why: the history keeps who, when, why and both
 * dates; bidders and askers are told. Offered while bidding is open and no extension is in the
 * history yet (an entry from 揭榜中 to 揭榜中); the server has the last word (409).
 */
export function ExtendDeadlineAction({ challenge }: { challenge: Challenge }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const extend = useExtendDeadline(challenge.id);
  const { data: history } = useChallengeHistory(challenge.id);
  const extended = (history ?? []).some((entry) => entry.from_status === 'published' && entry.to_status === 'published');
  if (challenge.status !== 'published' || extended || !history) return null;

  const current = dayjs(challenge.bid_deadline);
  return (
    <>
      <Button icon={<FieldTimeOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('challenges.extend.action')}
      </Button>
      <FormModal<ExtensionValues>
        open={open}
        title={t('challenges.extend.title')}
        okText={t('challenges.extend.ok')}
        intro={t('challenges.extend.intro')}
        initialValues={{ bid_deadline: current.add(DEFAULT_EXTENSION_DAYS, 'day'), reason: '' }}
        onSubmit={(values) =>
          extend
            .mutateAsync({ bid_deadline: values.bid_deadline.toISOString(), reason: values.reason.trim() })
            .then(() => void message.success(t('challenges.extend.done')))
        }
        onClose={() => setOpen(false)}
      >
        <Form.Item
          name="bid_deadline"
          label={t('challenges.extend.deadline')}
          rules={[{ required: true, message: t('form.select', { field: t('challenges.extend.deadline') }) }]}
        >
          <DateInput showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(date) => date.isBefore(current.startOf('day'))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('challenges.extend.reason')}
          rules={[tooLong(t, 300), { required: true, whitespace: true, message: t('form.required', { field: t('challenges.extend.reason') }) }]}
        >
          <CountedTextArea rows={3} max={300} />
        </Form.Item>
      </FormModal>
    </>
  );
}
