import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { LOCALE_NAMES, type Locale } from '@/i18n/messages';

/** Short names for a phone's header, where "English" and its globe take too much room. */
const SHORT_NAMES: Record<Locale, string> = { 'zh-CN': '中', 'en-US': 'EN' };

/** Toggles between Chinese and English; the choice is remembered in localStorage. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const next: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';

  return (
    <Button
      type="text"
      icon={compact ? undefined : <GlobalOutlined aria-hidden />}
      lang={next}
      title={t('lang.switchHint')}
      aria-label={compact ? LOCALE_NAMES[next] : undefined}
      onClick={() => setLocale(next)}
      style={{ color: 'rgba(255, 255, 255, 0.85)', flexShrink: 0, paddingInline: compact ? 6 : undefined }}
    >
      {compact ? SHORT_NAMES[next] : LOCALE_NAMES[next]}
    </Button>
  );
}
