import { Alert, App, Card } from 'antd';
import { useNavigate } from 'react-router';

import { useDuplicatesWarning, type Duplicate } from '@/components/duplicates-warning';
import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { useCreateCapability } from '@/features/capabilities/api/create-capability';
import { CapabilityForm } from '@/features/capabilities/components/capability-form';
import { useCreateNeed } from '@/features/needs/api/create-need';
import { NeedForm } from '@/features/needs/components/need-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { roleOf } from '@/lib/auth';

import type { PostingRouteKind } from './posting-route';

/** What differs between the two pages: texts, where the posting's page is, and which status is "published". */
const KINDS = {
  need: { create: 'needs.create', back: 'needs.backToList', intro: 'needForm.intro', list: '/needs', published: 'open' },
  capability: { create: 'capabilities.create', back: 'capabilities.backToList', intro: 'capabilityForm.intro', list: '/capabilities', published: 'published' },
} as const;

interface Created {
  id: number;
  status?: string;
  duplicates?: Duplicate[];
}

interface CreateFormProps {
  canPublish: boolean;
  onCreated: (posting: Created) => void;
}

function CreateNeedForm({ canPublish, onCreated }: CreateFormProps) {
  const create = useCreateNeed();
  return <NeedForm canPublish={canPublish} submitting={create.isPending} onSubmit={(input) => create.mutateAsync(input).then(onCreated)} />;
}

function CreateCapabilityForm({ canPublish, onCreated }: CreateFormProps) {
  const create = useCreateCapability();
  return <CapabilityForm canPublish={canPublish} submitting={create.isPending} onSubmit={(input) => create.mutateAsync(input).then(onCreated)} />;
}

/** Posting a need or a capability: the form, then the new posting's page (and any look-alikes). */
export function NewPostingRoute({ kind }: { kind: PostingRouteKind }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const warnDuplicates = useDuplicatesWarning();
  const texts = KINDS[kind];
  useDocumentTitle(t(texts.create));
  const onCreated = (posting: Created) => {
    warnDuplicates(posting.duplicates);
    void message.success(t(posting.status === texts.published ? 'listingForm.published' : 'listingForm.savedDraft'));
    void navigate(`${texts.list}/${posting.id}`);
  };
  const CreateForm = kind === 'need' ? CreateNeedForm : CreateCapabilityForm;

  return (
    <>
      <PageHeader title={t(texts.create)} back={{ to: texts.list, label: t(texts.back) }} intro={t(texts.intro)} />
      <RequireAuth action={t(texts.create)}>
        {(user) => {
          const role = roleOf(user);
          if (!role.canPostListing) return <Alert type="warning" showIcon message={t('listingForm.notAllowed')} />;
          return (
            <Card>
              <CreateForm canPublish={role.verified} onCreated={onCreated} />
            </Card>
          );
        }}
      </RequireAuth>
    </>
  );
}
