import { Alert, App, Card } from 'antd';
import { useNavigate, useParams } from 'react-router';

import { NotFoundRoute } from '@/app/routes/not-found';
import { PageHeader } from '@/components/page-header';
import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { RequireAuth } from '@/components/require-auth';
import { useChallenge } from '@/features/challenges/api/get-challenge';
import { useUpdateChallenge } from '@/features/challenges/api/update-challenge';
import { ChallengeForm } from '@/features/challenges/components/challenge-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { roleOf } from '@/lib/auth';

function EditChallenge({ id }: { id: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: challenge, error, isPending, refetch } = useChallenge(id);
  const update = useUpdateChallenge(id);
  useDocumentTitle(t('challengeForm.editTitle'));
  const back = { to: `/challenges/${id}`, label: t('challengeForm.backToChallenge') };

  return (
    <>
      <PageHeader title={challenge ? t('challengeForm.editTitleOf', { title: challenge.title }) : t('challengeForm.editTitle')} back={back} />
      <RequireAuth action={t('challengeForm.editTitle')}>
        {(user) => {
          if (isPending) return <LoadingBlock rows={6} />;
          if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
          if (!roleOf(user).owns(challenge.organisation.id)) return <Alert type="warning" showIcon message={t('challengeForm.notOwner')} />;
          if (challenge.status !== 'draft' && challenge.status !== 'published') {
            return <Alert type="warning" showIcon message={t('challengeForm.notEditable', { status: t(`enum.challengeStatus.${challenge.status ?? 'draft'}`) })} />;
          }
          return (
            <Card>
              <ChallengeForm
                challenge={challenge}
                submitLabel={t('challengeForm.save')}
                submitting={update.isPending}
                onSubmit={(input) =>
                  update.mutateAsync(input).then(() => {
                    void message.success(t('challengeForm.saved'));
                    void navigate(`/challenges/${id}`);
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

export function EditChallengeRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  return <EditChallenge key={id} id={id} />;
}
