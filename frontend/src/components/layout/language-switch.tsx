import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';

import { useI18n } from '@/i18n/i18n';
import { LOCALE_NAMES, type Locale } from '@/i18n/messages';

/** Toggles between Chinese and English; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const next: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';

  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      lang={next}
      title={t('lang.switchHint')}
      onClick={() => setLocale(next)}
      style={{ color: 'rgba(255, 255, 255, 0.85)' }}
    >
      {LOCALE_NAMES[next]}
    </Button>
  );
}
