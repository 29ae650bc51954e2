import { ApartmentOutlined, BankOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';

import { useI18n } from '@/i18n/i18n';
import { industryName } from '@/i18n/industries';
import { formatAmountRange } from '@/utils/money';

import type { Need } from '../api/get-needs';
import { NeedStatusTag } from './need-tags';

export function NeedCard({ need }: { need: Need }) {
  const { t, locale } = useI18n();
  const titleId = `need-${need.id}-title`;
  return (
    <Card size="small" className="listing-card" data-testid="need-card" role="article" aria-labelledby={titleId}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Typography.Title level={2} id={titleId} style={{ fontSize: 18, margin: 0 }}>
            <Link to={`/needs/${need.id}`}>{need.title}</Link>
          </Typography.Title>
          <Space size={[0, 6]} wrap style={{ marginTop: 8 }}>
            <NeedStatusTag status={need.status} />
            <Tag color="blue">{t(`enum.cooperationType.${need.cooperation_type}`)}</Tag>
          </Space>
        </div>
        <div className="listing-amount">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('needs.field.budget')}
          </Typography.Text>
          <div className="amount">{formatAmountRange(need.budget_min, need.budget_max, locale)}</div>
        </div>
      </Flex>
      <Typography.Paragraph style={{ margin: '10px 0' }} ellipsis={{ rows: 2 }}>
        {need.description}
      </Typography.Paragraph>
      <Flex wrap gap="4px 16px" className="listing-meta">
        <span>
          <BankOutlined aria-hidden /> {need.organisation.name}
        </span>
        <span>
          <EnvironmentOutlined aria-hidden /> {t(`enum.region.${need.organisation.region}`)}
        </span>
        <span>
          <ApartmentOutlined aria-hidden /> {industryName(need.industry, locale)}
        </span>
      </Flex>
    </Card>
  );
}
