import { App, Typography } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';

import type { components } from '@/api/schema';
import { useI18n } from '@/i18n/i18n';
import { postingPath } from '@/utils/postings';

export type Duplicate = components['schemas']['DuplicateOutput'];

/**
 * After a challenge, need or capability is created the API names existing postings that look
 * like the same thing (a hint, not a refusal): show them so the author can check.
 */
export function useDuplicatesWarning(): (duplicates: Duplicate[] | undefined) => void {
  const { t } = useI18n();
  const { notification } = App.useApp();
  // The notification renders outside the router, so links navigate through this callback.
  const navigate = useNavigate();
  return useCallback(
    (duplicates) => {
      if (!duplicates || duplicates.length === 0) return;
      const key = `duplicates-${Date.now()}`;
      notification.warning({
        key,
        duration: 0,
        message: t('duplicates.title', { n: duplicates.length }),
        description: (
          <div data-testid="duplicates-warning">
            <p style={{ marginTop: 0 }}>{t('duplicates.body')}</p>
            <ul className="plain-list">
              {duplicates.map(({ posting, score }) => {
                const path = postingPath(posting.kind, posting.id);
                return (
                  <li key={`${posting.kind}-${posting.id}`}>
                    {path ? (
                      <Typography.Link
                        onClick={() => {
                          notification.destroy(key);
                          void navigate(path);
                        }}
                      >
                        {posting.title}
                      </Typography.Link>
                    ) : (
                      posting.title
                    )}{' '}
                    <Typography.Text type="secondary">
                      {t('duplicates.score', { score: Math.round(score * 100) })} · {posting.organisation.name}
                    </Typography.Text>
                  </li>
                );
              })}
            </ul>
          </div>
        ),
      });
    },
    [t, notification, navigate],
  );
}
