import { AimOutlined, ApartmentOutlined, FlagOutlined, TrophyOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { LatestChallenges } from '@/features/challenges/components/latest-challenges';
import { HealthIndicator } from '@/features/health/components/health-indicator';
import { StatsOverview } from '@/features/stats/components/stats-overview';
import { YearProgress } from '@/features/stats/components/year-progress';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';

const { Title, Paragraph, Text } = Typography;

const PILLARS: { icon: ReactNode; title: MessageKey; body: MessageKey }[] = [
  { icon: <FlagOutlined aria-hidden />, title: 'home.pillar.challenge.title', body: 'home.pillar.challenge.body' },
  { icon: <TrophyOutlined aria-hidden />, title: 'home.pillar.race.title', body: 'home.pillar.race.body' },
  { icon: <ApartmentOutlined aria-hidden />, title: 'home.pillar.match.title', body: 'home.pillar.match.body' },
];

export function HomeRoute() {
  const { t } = useI18n();
  useDocumentTitle();

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section className="home-hero" aria-labelledby="home-title">
        <Title id="home-title" level={1} style={{ marginTop: 0 }}>
          {t('home.title')}
        </Title>
        <Paragraph style={{ fontSize: 16, maxWidth: 760 }}>{t('home.lead')}</Paragraph>
        <Flex wrap gap={12} style={{ marginTop: 24 }}>
          <LinkButton to="/challenges" type="primary" size="large" ghost style={{ background: '#fff' }}>
              {t('home.cta.challenges')}
            </LinkButton>
          <LinkButton to="/needs" size="large" ghost>
              {t('home.cta.needs')}
            </LinkButton>
          <LinkButton to="/capabilities" size="large" ghost>
              {t('home.cta.capabilities')}
            </LinkButton>
        </Flex>
      </section>

      <section aria-labelledby="home-stats">
        <Title id="home-stats" level={2}>
          {t('home.stats.title')}
        </Title>
        <StatsOverview />
      </section>

      <Card aria-labelledby="home-target">
        <Flex align="center" gap={16} wrap>
          <AimOutlined aria-hidden style={{ fontSize: 32, color: '#1677ff' }} />
          <div style={{ flex: 1, minWidth: 240 }}>
            <Text type="secondary">{t('home.target.label')}</Text>
            <Title id="home-target" level={2} style={{ margin: '4px 0 8px' }}>
              {t('home.target.value')}
            </Title>
            <Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t('home.target.source')}
            </Paragraph>
          </div>
          <div style={{ flex: 1, minWidth: 240 }}>
            <YearProgress />
          </div>
        </Flex>
      </Card>

      <Card
        title={
          <Title id="home-latest" level={2} style={{ fontSize: 18, margin: 0 }}>
            {t('home.latest.title')}
          </Title>
        }
        extra={<Link to="/challenges?status=published">{t('home.latest.all')}</Link>}
        aria-labelledby="home-latest"
      >
        <LatestChallenges />
      </Card>

      <section aria-labelledby="home-pillars">
        <Title id="home-pillars" level={2}>
          {t('home.pillars.title')}
        </Title>
        <Paragraph type="secondary">{t('home.policyQuote')}</Paragraph>
        <Row gutter={[16, 16]}>
          {PILLARS.map((pillar) => (
            <Col key={pillar.title} xs={24} md={8}>
              <Card style={{ height: '100%' }}>
                <Title level={3} style={{ fontSize: 18, marginTop: 0 }}>
                  <Space>
                    {pillar.icon}
                    {t(pillar.title)}
                  </Space>
                </Title>
                <Paragraph style={{ marginBottom: 0 }}>{t(pillar.body)}</Paragraph>
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <Card size="small">
        <Flex align="center" gap={12} wrap>
          <Text strong>{t('home.health.label')}</Text>
          <Link to="/status">
            <HealthIndicator />
          </Link>
        </Flex>
      </Card>
    </Space>
  );
}
