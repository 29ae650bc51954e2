import { Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';

import { useI18n } from '@/i18n/i18n';

import { ConsortiumList } from './consortium-list';
import { QualificationImport } from './qualification-import';
import { QualificationList } from './qualification-list';

type Tab = 'qualifications' | 'consortia';

/** 资质与联合体: the qualifications (import a list, add one, look one up) and the consortia; the tab is in the URL (?tab=). */
export function QualificationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'consortia' ? 'consortia' : 'qualifications';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams(key === 'consortia' ? { tab: key } : {}, { replace: true })}
      items={[
        {
          key: 'qualifications',
          label: t('qualifications.tab.qualifications'),
          children: (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <QualificationList />
              <QualificationImport />
            </Space>
          ),
        },
        { key: 'consortia', label: t('qualifications.tab.consortia'), children: <ConsortiumList /> },
      ]}
    />
  );
}
