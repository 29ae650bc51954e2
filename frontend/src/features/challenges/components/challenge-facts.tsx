import { Descriptions, Typography } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { industryName } from '@/i18n/industries';
import { formatAmount } from '@/utils/money';

import { biddingClosed, type Challenge } from '../api/get-challenge';
import { BidCount } from './countdown';

/** The challenge's key facts: bounty, funding, mode, deadline, who posts it. */
export function ChallengeFacts({ challenge }: { challenge: Challenge }) {
  const { t, locale, formatMinute } = useI18n();
  const closed = biddingClosed(challenge);
  return (
    <Descriptions
      data-testid="challenge-facts"
      size="small"
      column={1}
      items={[
        {
          key: 'bounty',
          label: t('challenges.field.bounty'),
          children: (
            <span className="amount" title={t('common.yuanExact', { amount: challenge.bounty })}>
              {formatAmount(challenge.bounty, locale)}
            </span>
          ),
        },
        { key: 'bids', label: t('challenges.field.bidCount'), children: <BidCount count={challenge.bid_count} /> },
        { key: 'funding', label: t('challenges.field.fundingMode'), children: t(`enum.fundingMode.${challenge.funding_mode}`) },
        {
          key: 'mode',
          label: t('challenges.field.mode'),
          children:
            challenge.mode === 'saima'
              ? t('challenges.mode.saimaWinners', { n: challenge.max_winners ?? 2 })
              : t(`enum.mode.${challenge.mode ?? 'jiebang'}`),
        },
        { key: 'listType', label: t('challenges.field.listType'), children: t(`enum.listType.${challenge.list_type}`) },
        {
          key: 'deadline',
          label: t('challenges.field.deadline'),
          children: (
            <>
              {formatMinute(challenge.bid_deadline)}
              {closed && challenge.status === 'published' ? <Typography.Text type="warning"> {t('challenges.deadlinePassed')}</Typography.Text> : null}
            </>
          ),
        },
        {
          key: 'organisation',
          label: t('challenges.field.organisation'),
          children: t('common.withNote', { text: challenge.organisation.name, note: t(`enum.region.${challenge.organisation.region}`) }),
        },
        { key: 'industry', label: t('challenges.field.industry'), children: industryName(challenge.industry, locale) },
        { key: 'confidentiality', label: t('challenges.field.confidentiality'), children: t(`enum.confidentiality.${challenge.confidentiality ?? 'public'}`) },
        ...(challenge.published_at
          ? [{ key: 'published', label: t('challenges.field.publishedAt'), children: formatMinute(challenge.published_at) }]
          : []),
      ]}
    />
  );
}
