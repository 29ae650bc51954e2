import { ApartmentOutlined, BankOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Typography } from 'antd';
import { Link } from 'react-router';

import { useI18n } from '@/i18n/i18n';
import { industryName } from '@/i18n/industries';
import { formatAmountRange } from '@/utils/money';

import type { Capability } from '../api/get-capabilities';
import { CapabilityKindTag, CapabilityStatusTag, TrlTag } from './capability-tags';

export function CapabilityCard({ capability }: { capability: Capability }) {
  const { t, locale } = useI18n();
  const titleId = `capability-${capability.id}-title`;
  const priced = capability.price_min || capability.price_max;
  return (
    <Card size="small" className="listing-card" data-testid="capability-card" role="article" aria-labelledby={titleId}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Typography.Title level={2} id={titleId} style={{ fontSize: 18, margin: 0 }}>
            <Link to={`/capabilities/${capability.id}`}>{capability.title}</Link>
          </Typography.Title>
          <Space size={[0, 6]} wrap style={{ marginTop: 8 }}>
            <CapabilityStatusTag status={capability.status} />
            <CapabilityKindTag kind={capability.kind} />
            <TrlTag trl={capability.trl} />
          </Space>
        </div>
        {priced ? (
          <div className="listing-amount">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('capabilities.field.price')}
            </Typography.Text>
            <div className="amount">{formatAmountRange(capability.price_min, capability.price_max, locale)}</div>
          </div>
        ) : null}
      </Flex>
      <Typography.Paragraph style={{ margin: '10px 0' }} ellipsis={{ rows: 2 }}>
        {capability.description}
      </Typography.Paragraph>
      <Flex wrap gap="4px 16px" className="listing-meta">
        <span>
          <BankOutlined aria-hidden /> {capability.organisation.name}
        </span>
        <span>
          <EnvironmentOutlined aria-hidden /> {t(`enum.region.${capability.organisation.region}`)}
        </span>
        <span>
          <ApartmentOutlined aria-hidden /> {industryName(capability.industry, locale)}
        </span>
      </Flex>
    </Card>
  );
}
