import { Alert, Checkbox, Form, Input, Select, Typography } from 'antd';

import type { components } from '@/api/schema';
import { CountedTextArea, tooLong } from '@/components/counted-text';
import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';

import type { Bid } from '../api/bids';
import type { Challenge } from '../api/get-challenge';
import { useChallengeAction } from '../api/transition-challenge';

type ReasonCode = components['schemas']['NotAwardedReasonEnum'];
export const NOT_AWARDED_REASONS: readonly ReasonCode[] = ['approach', 'indicators', 'price', 'experience', 'other'];
const LIVE: readonly string[] = ['submitted', 'shortlisted'];

interface AwardValues {
  reason: string;
  not_awarded: Record<string, { reason?: ReasonCode; note?: string }>;
  close_early: boolean;
}

export interface AwardModalProps {
  open: boolean;
  challenge: Challenge;
  bids: Bid[];
  winners: number[];
  onDone: () => void;
  onClose: () => void;
}

/** Whether an award now brings the bid deadline forward (the server asks for close_early then). */
export function closesEarly(challenge: Challenge, now = Date.now()): boolean {
  return challenge.status === 'published' && new Date(challenge.bid_deadline).getTime() > now;
}

/**
 * 定榜: the winners, a coded reason for every other live bid (the bidder reads it; 其他 needs a
 * note), and — before the deadline — the owner's explicit consent to close the bidding early.
 */
export function AwardModal({ open, challenge, bids, winners, onDone, onClose }: AwardModalProps) {
  const { t, formatMinute } = useI18n();
  const award = useChallengeAction(challenge.id);
  const early = closesEarly(challenge);
  const others = bids.filter((bid) => LIVE.includes(bid.status ?? 'submitted') && !winners.includes(bid.id));
  const names = bids.filter((bid) => winners.includes(bid.id)).map((bid) => bid.organisation.name).join('、');

  return (
    <FormModal<AwardValues>
      open={open}
      title={t('bids.awardConfirm')}
      okText={early ? t('bids.awardCloseEarly') : t('challenges.action.award')}
      width={640}
      intro={t('bids.awardConfirmBody', { names })}
      initialValues={{ reason: '', not_awarded: {}, close_early: false }}
      onSubmit={(values) =>
        award
          .mutateAsync({
            action: 'award',
            body: {
              bids: winners,
              reason: (values.reason ?? '').trim(),
              not_awarded: others.map((bid) => {
                const given = values.not_awarded?.[String(bid.id)] ?? {};
                return { bid: bid.id, reason: given.reason ?? 'other', note: (given.note ?? '').trim() };
              }),
              close_early: early && values.close_early,
            },
          })
          .then(onDone)
      }
      onClose={onClose}
    >
      {early ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="award-closes-early"
            message={t('bids.closeEarlyTitle')}
            description={t('bids.closeEarlyBody', { deadline: formatMinute(challenge.bid_deadline), n: others.length })}
          />
          <Form.Item
            name="close_early"
            valuePropName="checked"
            rules={[{ validator: (_rule, checked) => (checked ? Promise.resolve() : Promise.reject(new Error(t('bids.closeEarlyRequired')))) }]}
          >
            <Checkbox>{t('bids.closeEarlyConfirm')}</Checkbox>
          </Form.Item>
        </>
      ) : null}
      {others.length > 0 ? (
        <div data-testid="not-awarded-reasons">
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {t('bids.notAwardedTitle')}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('bids.notAwardedHint')}</Typography.Paragraph>
          {others.map((bid) => (
            <div key={bid.id}>
              <Form.Item
                name={['not_awarded', String(bid.id), 'reason']}
                label={t('bids.notAwardedFor', { name: bid.organisation.name })}
                rules={[{ required: true, message: t('bids.notAwardedRequired', { name: bid.organisation.name }) }]}
              >
                <Select
                  placeholder={t('bids.notAwardedPick')}
                  options={NOT_AWARDED_REASONS.map((code) => ({ value: code, label: t(`enum.notAwardedReason.${code}`) }))}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[['not_awarded', String(bid.id), 'reason']]}>
                {({ getFieldValue }) => {
                  const other = getFieldValue(['not_awarded', String(bid.id), 'reason']) === 'other';
                  return (
                    <Form.Item
                      name={['not_awarded', String(bid.id), 'note']}
                      label={t('bids.notAwardedNote', { name: bid.organisation.name })}
                      rules={[
                        tooLong(t, 300),
                        { required: other, whitespace: true, message: t('bids.notAwardedNoteRequired') },
                      ]}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                  );
                }}
              </Form.Item>
            </div>
          ))}
        </div>
      ) : null}
      <Form.Item name="reason" label={t('challenges.action.reason')} rules={[tooLong(t, 500)]}>
        <CountedTextArea rows={3} max={500} />
      </Form.Item>
    </FormModal>
  );
}
