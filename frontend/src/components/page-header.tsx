import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface PageHeaderProps {
  title: ReactNode;
  intro?: ReactNode;
  /** Buttons on the right (they wrap below the title on a phone). */
  extra?: ReactNode;
  back?: { to: string; label: string };
  tags?: ReactNode;
}

/** Every page's one <h1>, with optional back link, intro and actions. */
export function PageHeader({ title, intro, extra, back, tags }: PageHeaderProps) {
  return (
    <div style={{ marginBottom: 16 }}>
      {back ? (
        <Link to={back.to} style={{ display: 'inline-flex', gap: 6, alignItems: 'center', marginBottom: 8 }}>
          <ArrowLeftOutlined aria-hidden />
          {back.label}
        </Link>
      ) : null}
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={1} style={{ fontSize: 26, margin: 0, wordBreak: 'break-word' }}>
            {title}
          </Typography.Title>
          {tags ? <div style={{ marginTop: 8 }}>{tags}</div> : null}
        </div>
        {extra ? (
          <Flex wrap gap={8}>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {intro ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {intro}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
