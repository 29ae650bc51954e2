import { Alert, App, Card } from 'antd';
import { useNavigate } from 'react-router';

import { useDuplicatesWarning } from '@/components/duplicates-warning';
import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { useCreateCapability } from '@/features/capabilities/api/create-capability';
import { CapabilityForm } from '@/features/capabilities/components/capability-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { roleOf } from '@/lib/auth';

export function NewCapabilityRoute() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const warnDuplicates = useDuplicatesWarning();
  const create = useCreateCapability();
  useDocumentTitle(t('capabilities.create'));

  return (
    <>
      <PageHeader title={t('capabilities.create')} back={{ to: '/capabilities', label: t('capabilities.backToList') }} intro={t('capabilityForm.intro')} />
      <RequireAuth action={t('capabilities.create')}>
        {(user) => {
          const role = roleOf(user);
          if (!role.canPostListing) return <Alert type="warning" showIcon message={t('listingForm.notAllowed')} />;
          return (
            <Card>
              <CapabilityForm
                canPublish={role.verified}
                submitting={create.isPending}
                onSubmit={(input) =>
                  create.mutateAsync(input).then((capability) => {
                    warnDuplicates(capability.duplicates);
                    void message.success(t(capability.status === 'published' ? 'listingForm.published' : 'listingForm.savedDraft'));
                    void navigate(`/capabilities/${capability.id}`);
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
