import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

import { LinkButton } from '@/components/link-button';
import { useI18n } from '@/i18n/i18n';

/**
 * The header's search box: any page -> /search?q=…. The search page has its own, larger box, so
 * this one steps aside there; on a phone it is a button to the search page.
 */
export function HeaderSearch({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [text, setText] = useState('');
  if (pathname === '/search') return null;
  if (compact) {
    return (
      <LinkButton
        to="/search"
        type="text"
        icon={<SearchOutlined aria-hidden />}
        aria-label={t('search.header.label')}
        style={{ color: 'rgba(255, 255, 255, 0.85)' }}
      />
    );
  }
  return (
    <form
      role="search"
      aria-label={t('search.header.label')}
      className="header-search"
      onSubmit={(event) => event.preventDefault()}
    >
      <Input.Search
        aria-label={t('search.header.label')}
        placeholder={t('search.header.placeholder')}
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => {
          const q = value.trim();
          setText('');
          void navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
        }}
      />
    </form>
  );
}
