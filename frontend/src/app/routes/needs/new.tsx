import { Alert, App, Card } from 'antd';
import { useNavigate } from 'react-router';

import { useDuplicatesWarning } from '@/components/duplicates-warning';
import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { useCreateNeed } from '@/features/needs/api/create-need';
import { NeedForm } from '@/features/needs/components/need-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { roleOf } from '@/lib/auth';

export function NewNeedRoute() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const warnDuplicates = useDuplicatesWarning();
  const create = useCreateNeed();
  useDocumentTitle(t('needs.create'));

  return (
    <>
      <PageHeader title={t('needs.create')} back={{ to: '/needs', label: t('needs.backToList') }} intro={t('needForm.intro')} />
      <RequireAuth action={t('needs.create')}>
        {(user) => {
          const role = roleOf(user);
          if (!role.canPostListing) return <Alert type="warning" showIcon message={t('listingForm.notAllowed')} />;
          return (
            <Card>
              <NeedForm
                canPublish={role.verified}
                submitting={create.isPending}
                onSubmit={(input) =>
                  create.mutateAsync(input).then((need) => {
                    warnDuplicates(need.duplicates);
                    void message.success(t(need.status === 'open' ? 'listingForm.published' : 'listingForm.savedDraft'));
                    void navigate(`/needs/${need.id}`);
                  })
                }
              />
            </Card>
          );
        }}
      </RequireAuth>
    </>
  );
}
