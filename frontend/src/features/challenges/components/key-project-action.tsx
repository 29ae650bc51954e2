import { FlagOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';

import { useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import type { ChallengeStatus } from '@/utils/enums';

import type { Challenge } from '../api/get-challenge';
import { useSetKeyProject } from '../api/set-key-project';

/** As the API's KEY_PROJECT_STATUSES: a draft or cancelled challenge cannot be a key project. */
const DESIGNABLE: readonly ChallengeStatus[] = ['published', 'closed', 'awarded', 'in_progress', 'accepted', 'failed'];

/** An official designates a challenge as a 重点科研攻关项目, or removes it (the API takes no reason). */
export function KeyProjectAction({ challenge }: { challenge: Challenge }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const describe = useErrorMessage();
  const setKeyProject = useSetKeyProject(challenge.id);
  const isKey = Boolean(challenge.key_project);
  // Removing stays possible whatever the status, so a designation is never stuck on screen.
  if (!isKey && !(challenge.status && DESIGNABLE.includes(challenge.status))) return null;
  const kind = isKey ? 'remove' : 'designate';

  const confirm = () =>
    modal.confirm({
      title: t(`challenges.keyProject.${kind}.confirm`),
      content: t(`challenges.keyProject.${kind}.confirmBody`),
      okText: t(`challenges.keyProject.${kind}`),
      cancelText: t('common.cancel'),
      onOk: () =>
        setKeyProject.mutateAsync(!isKey).then(
          () => void message.success(t(`challenges.keyProject.${kind}.done`)),
          (error: unknown) => void message.error(describe(error)),
        ),
    });

  return (
    <Button type={isKey ? 'default' : 'primary'} icon={<FlagOutlined aria-hidden />} onClick={confirm} data-testid="key-project-action">
      {t(`challenges.keyProject.${kind}`)}
    </Button>
  );
}
