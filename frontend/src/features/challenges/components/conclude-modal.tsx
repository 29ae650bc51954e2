import { Form, Radio } from 'antd';

import type { components } from '@/api/schema';
import { CountedTextArea, tooLong } from '@/components/counted-text';
import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';

import type { Landmark } from '../api/get-challenge';

type ConcludeBody = components['schemas']['ConcludeInputRequest'];
const LANDMARKS: readonly Landmark[] = ['gap_filling', 'import_substitution'];

interface ConcludeValues {
  accepted: boolean;
  landmark: Landmark | '';
  reason?: string;
}

export interface ConcludeModalProps {
  open: boolean;
  onSubmit: (body: ConcludeBody) => Promise<unknown>;
  onClose: () => void;
}

/**
 * The 验收 of a challenge in progress: the verdict, and with a pass the 标志性成果 mark, which the
 * API takes only here (it cannot be given or changed afterwards, and never with a failed review).
 */
export function ConcludeModal({ open, onSubmit, onClose }: ConcludeModalProps) {
  const { t } = useI18n();
  return (
    <FormModal<ConcludeValues>
      open={open}
      title={t('challenges.action.conclude.confirm')}
      okText={t('challenges.action.conclude')}
      initialValues={{ accepted: true, landmark: '', reason: '' }}
      onSubmit={({ accepted, landmark, reason }) =>
        onSubmit({ accepted, landmark: accepted ? landmark : '', reason: (reason ?? '').trim() })
      }
      onClose={onClose}
    >
      <Form.Item name="accepted" label={t('challenges.conclude.verdict')} rules={[{ required: true }]}>
        <Radio.Group
          aria-label={t('challenges.conclude.verdict')}
          options={[
            { value: true, label: t('challenges.conclude.accepted') },
            { value: false, label: t('challenges.conclude.failed') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['accepted']}>
        {({ getFieldValue }) =>
          getFieldValue('accepted') ? (
            <Form.Item name="landmark" label={t('challenges.conclude.landmark')} extra={t('challenges.conclude.landmark.help')}>
              <Radio.Group
                aria-label={t('challenges.conclude.landmark')}
                options={[
                  ...LANDMARKS.map((value) => ({ value, label: t(`challenges.landmark.${value}`) })),
                  { value: '', label: t('challenges.conclude.landmark.none') },
                ]}
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('challenges.action.reason')}
        rules={[tooLong(t, 500), { required: true, whitespace: true, message: t('form.required', { field: t('challenges.action.reason') }) }]}
      >
        <CountedTextArea rows={3} max={500} />
      </Form.Item>
    </FormModal>
  );
}
