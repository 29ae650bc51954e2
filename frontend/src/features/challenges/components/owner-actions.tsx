import { CheckCircleOutlined, EditOutlined, FieldTimeOutlined, FileProtectOutlined, PlayCircleOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';

import { LinkButton } from '@/components/link-button';
import { useErrorMessage } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';

import type { Challenge } from '../api/get-challenge';
import { useChallengeAction } from '../api/transition-challenge';
import { ConcludeModal } from './conclude-modal';
import { ReasonModal } from './reason-modal';

type Dialog = 'close' | 'cancel' | 'conclude' | null;

/**
 * The owner's (and operator's) lifecycle buttons for the challenge's current status:
 * draft → publish; published → close; closed → award (in the bids panel); awarded → start;
 * in progress → conclude; cancel while nothing is awarded. Once awarded, the contract signed with
 * the winner is recorded on the deals page (a link: features do not import each other), pre-filled
 * from the challenge. The server has the last word (409).
 */
export function OwnerActions({ challenge }: { challenge: Challenge }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const describe = useErrorMessage();
  const action = useChallengeAction(challenge.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const status = challenge.status;

  const confirm = (kind: 'publish' | 'start') =>
    modal.confirm({
      title: t(`challenges.action.${kind}.confirm`),
      content: t(`challenges.action.${kind}.confirmBody`),
      okText: t(`challenges.action.${kind}`),
      cancelText: t('common.cancel'),
      onOk: () =>
        action.mutateAsync({ action: kind }).then(
          () => void message.success(t(`challenges.action.${kind}.done`)),
          (error: unknown) => void message.error(describe(error)),
        ),
    });

  const editable = status === 'draft' || status === 'published';
  const cancellable = status === 'draft' || status === 'published' || status === 'closed';
  const awarded = status === 'awarded' || status === 'in_progress' || status === 'accepted' || status === 'failed';

  return (
    <>
      {editable ? (
        <LinkButton to={`/challenges/${challenge.id}/edit`} icon={<EditOutlined aria-hidden />}>
          {t('challenges.action.edit')}
        </LinkButton>
      ) : null}
      {status === 'draft' ? (
        <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={() => confirm('publish')}>
          {t('challenges.action.publish')}
        </Button>
      ) : null}
      {status === 'published' ? (
        <Button icon={<FieldTimeOutlined aria-hidden />} onClick={() => setDialog('close')}>
          {t('challenges.action.close')}
        </Button>
      ) : null}
      {status === 'awarded' ? (
        <Button type="primary" icon={<PlayCircleOutlined aria-hidden />} onClick={() => confirm('start')}>
          {t('challenges.action.start')}
        </Button>
      ) : null}
      {status === 'in_progress' ? (
        <Button type="primary" icon={<CheckCircleOutlined aria-hidden />} onClick={() => setDialog('conclude')}>
          {t('challenges.action.conclude')}
        </Button>
      ) : null}
      {awarded ? (
        <LinkButton to={`/deals/new?challenge=${challenge.id}`} icon={<FileProtectOutlined aria-hidden />}>
          {t('deals.recordContract')}
        </LinkButton>
      ) : null}
      {cancellable ? (
        <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog('cancel')}>
          {t('challenges.action.cancel')}
        </Button>
      ) : null}

      <ReasonModal
        open={dialog === 'close'}
        title={t('challenges.action.close.confirm')}
        description={t('challenges.action.close.confirmBody')}
        okText={t('challenges.action.close')}
        onSubmit={({ reason }) =>
          action.mutateAsync({ action: 'close', body: { reason } }).then(() => void message.success(t('challenges.action.close.done')))
        }
        onClose={() => setDialog(null)}
      />
      <ReasonModal
        open={dialog === 'cancel'}
        title={t('challenges.action.cancel.confirm')}
        description={t('challenges.action.cancel.confirmBody')}
        okText={t('challenges.action.cancel')}
        reasonRequired
        danger
        onSubmit={({ reason }) =>
          action.mutateAsync({ action: 'cancel', body: { reason } }).then(() => void message.success(t('challenges.action.cancel.done')))
        }
        onClose={() => setDialog(null)}
      />
      <ConcludeModal
        open={dialog === 'conclude'}
        onSubmit={(body) =>
          action.mutateAsync({ action: 'conclude', body }).then(() => void message.success(t('challenges.action.conclude.done')))
        }
        onClose={() => setDialog(null)}
      />
    </>
  );
}
