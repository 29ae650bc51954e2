import { ApartmentOutlined, BankOutlined, ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Typography } from 'antd';
import { Link } from 'react-router';

import { useI18n } from '@/i18n/i18n';
import { industryName } from '@/i18n/industries';
import { formatAmount } from '@/utils/money';

import type { ChallengeSummary } from '../api/get-challenges';
import { ChallengeStatusTag, ConfidentialityTag, KeyProjectTag, LandmarkTag, ListTypeTag, ModeTag } from './challenge-tags';
import { BidCount, CountdownTag } from './countdown';

/** One challenge in the list: what it is, who posts it, how much, until when. */
export function ChallengeCard({ challenge }: { challenge: ChallengeSummary }) {
  const { t, locale, formatDate } = useI18n();
  const titleId = `challenge-${challenge.id}-title`;
  return (
    <Card size="small" className="listing-card" data-testid="challenge-card" aria-labelledby={titleId} role="article">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Typography.Title level={2} id={titleId} style={{ fontSize: 18, margin: 0 }}>
            <Link to={`/challenges/${challenge.id}`}>{challenge.title}</Link>
          </Typography.Title>
          <Space size={[0, 6]} wrap style={{ marginTop: 8 }}>
            <ChallengeStatusTag status={challenge.status} />
            <CountdownTag challenge={challenge} />
            <ModeTag mode={challenge.mode} maxWinners={challenge.max_winners} />
            <ListTypeTag listType={challenge.list_type} />
            <ConfidentialityTag confidentiality={challenge.confidentiality} />
            <KeyProjectTag keyProject={challenge.key_project} />
            <LandmarkTag landmark={challenge.landmark} />
          </Space>
        </div>
        <div className="listing-amount">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('challenges.field.bounty')}
          </Typography.Text>
          <div className="amount" title={t('common.yuanExact', { amount: challenge.bounty })}>
            {formatAmount(challenge.bounty, locale)}
          </div>
        </div>
      </Flex>
      <Typography.Paragraph style={{ margin: '10px 0' }} ellipsis={{ rows: 2 }}>
        {challenge.summary}
      </Typography.Paragraph>
      <Flex wrap gap="4px 16px" className="listing-meta">
        <span>
          <BankOutlined aria-hidden /> {challenge.organisation.name}
        </span>
        <span>
          <EnvironmentOutlined aria-hidden /> {t(`enum.region.${challenge.organisation.region}`)}
        </span>
        <span>
          <ApartmentOutlined aria-hidden /> {industryName(challenge.industry, locale)}
        </span>
        <span>
          <ClockCircleOutlined aria-hidden /> {t('challenges.deadlineOn', { date: formatDate(challenge.bid_deadline) })}
        </span>
        <BidCount count={challenge.bid_count} />
      </Flex>
    </Card>
  );
}
