import { Alert, App, Card } from 'antd';
import { useNavigate } from 'react-router';

import { useDuplicatesWarning } from '@/components/duplicates-warning';
import { PageHeader } from '@/components/page-header';
import { RequireAuth } from '@/components/require-auth';
import { useCreateChallenge, type ChallengeInput } from '@/features/challenges/api/create-challenge';
import { ChallengeForm } from '@/features/challenges/components/challenge-form';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useI18n } from '@/i18n/i18n';
import { roleOf } from '@/lib/auth';

export function NewChallengeRoute() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const warnDuplicates = useDuplicatesWarning();
  const create = useCreateChallenge();
  useDocumentTitle(t('challengeForm.createTitle'));

  return (
    <>
      <PageHeader title={t('challengeForm.createTitle')} back={{ to: '/challenges', label: t('challenges.backToList') }} intro={t('challengeForm.createIntro')} />
      <RequireAuth action={t('challengeForm.createTitle')}>
        {(user) =>
          roleOf(user).canPostChallenge ? (
            <Card>
              <ChallengeForm
                submitLabel={t('challengeForm.saveDraft')}
                submitting={create.isPending}
                onSubmit={(input) =>
                  create.mutateAsync(input as ChallengeInput).then((challenge) => {
                    warnDuplicates(challenge.duplicates);
                    void message.success(t('challengeForm.created'));
                    void navigate(`/challenges/${challenge.id}`);
                  })
                }
              />
            </Card>
          ) : (
            <Alert type="warning" showIcon message={t('challengeForm.notAllowed')} />
          )
        }
      </RequireAuth>
    </>
  );
}
