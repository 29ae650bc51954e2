import { Input } from 'antd';

import { useDraft } from '@/hooks/use-draft';
import { useI18n } from '@/i18n/i18n';

/** The search landmark: the text is searched on Enter or the button, and clearing it shows everything. */
export function SearchBox({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useDraft(q);
  return (
    <form
      role="search"
      aria-label={t('search.landmark')}
      // Input.Search runs the search on Enter and on its button; the form is for the landmark.
      onSubmit={(event) => event.preventDefault()}
      style={{ marginBottom: 16 }}
    >
      <label htmlFor="search-q" className="sr-only">
        {t('search.label')}
      </label>
      <Input.Search
        id="search-q"
        size="large"
        value={text}
        maxLength={200}
        allowClear
        enterButton={t('search.submit')}
        placeholder={t('search.placeholder')}
        onChange={(event) => {
          setText(event.target.value);
          // Clearing the box (its ✕) shows everything again at once.
          if (event.target.value === '' && q) onSearch('');
        }}
        onSearch={(value) => onSearch(value)}
      />
    </form>
  );
}
