import { App, Button, Empty, Form, List, Space, Tag, Typography } from 'antd';

import { useFormServerErrors } from '@/components/form-error-alert';
import { ErrorResult, LoadingBlock } from '@/components/query-states';
import { useI18n } from '@/i18n/i18n';
import type { User } from '@/lib/auth';

import { useAskToJoin, useDecideMembership, useMembershipRequests, type MembershipRequest } from '../api/membership-requests';
import { JoinFields } from './join-fields';

type Status = NonNullable<MembershipRequest['status']>;

const STATUS_COLOR: Record<Status, string> = { pending: 'processing', approved: 'success', declined: 'error', withdrawn: 'default' };

function RequestItem({ request, decide }: { request: MembershipRequest; decide?: boolean }) {
  const { t, formatDateTime } = useI18n();
  const { message } = App.useApp();
  const decision = useDecideMembership();
  const act = (approve: boolean) =>
    decision.mutate(
      { id: request.id, approve },
      {
        onSuccess: () => void message.success(t(approve ? 'members.approved' : 'members.declined', { name: request.username })),
        onError: (error) => void message.error(error.message),
      },
    );
  const status: Status = request.status ?? 'pending';
  const pending = status === 'pending';
  return (
    <List.Item
      data-testid="membership-request"
      actions={
        decide && pending
          ? [
              <Button key="approve" type="primary" size="small" loading={decision.isPending} onClick={() => act(true)}>
                {t('members.approve')}
              </Button>,
              <Button key="decline" danger size="small" loading={decision.isPending} onClick={() => act(false)}>
                {t('members.decline')}
              </Button>,
            ]
          : undefined
      }
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <Typography.Text strong>{decide ? request.username : request.organisation.name}</Typography.Text>
            <Tag color={STATUS_COLOR[status]}>{t(`enum.membershipStatus.${status}`)}</Tag>
          </Space>
        }
        description={
          <>
            {decide && request.email ? <div>{request.email}</div> : null}
            {request.message ? <div>{t('members.message', { message: request.message })}</div> : null}
            {request.decision_note ? <div>{t('members.note', { note: request.decision_note })}</div> : null}
            <Typography.Text type="secondary">{formatDateTime(request.created_at)}</Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

/** A user without an organisation asks to join one. */
function AskToJoin() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ join: { organisation: number; message?: string } }>();
  const errors = useFormServerErrors(form, { aliases: { organisation: ['join', 'organisation'], message: ['join', 'message'] } });
  const ask = useAskToJoin();
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label={t('members.ask')}
      onFinish={({ join }) => {
        errors.clear();
        ask.mutate(
          { organisation: join.organisation, message: join.message?.trim() ?? '' },
          {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('members.asked'));
            },
            onError: errors.show,
          },
        );
      }}
    >
      <JoinFields />
      {errors.alert}
      <Button type="primary" htmlType="submit" loading={ask.isPending}>
        {t('members.ask')}
      </Button>
    </Form>
  );
}

/**
 * Requests to join: an admin decides those to its organisation; a user without one follows its own
 * and may ask (again, after a refusal).
 */
export function MembershipRequestsPanel({ user }: { user: User }) {
  const { t } = useI18n();
  const requests = useMembershipRequests();
  const org = user.organisation;
  const isAdmin = org !== null && user.org_role === 'admin';
  if (requests.isPending) return <LoadingBlock />;
  if (requests.isError) return <ErrorResult error={requests.error} onRetry={() => void requests.refetch()} />;
  const page = requests.data;
  const toDecide = page.results.filter((r) => isAdmin && r.organisation.id === org?.id);
  const mine = page.results.filter((r) => r.username === user.username);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {isAdmin ? (
        <section aria-label={t('members.toDecide')}>
          <Typography.Title level={4}>{t('members.toDecide')}</Typography.Title>
          {toDecide.length ? (
            <List dataSource={toDecide} renderItem={(request) => <RequestItem request={request} decide />} />
          ) : (
            <Empty description={t('members.none')} />
          )}
        </section>
      ) : null}
      {org === null ? (
        <section aria-label={t('members.mine')}>
          <Typography.Title level={4}>{t('members.mine')}</Typography.Title>
          {mine.length ? <List dataSource={mine} renderItem={(request) => <RequestItem request={request} />} /> : null}
          <AskToJoin />
        </section>
      ) : null}
      {org !== null && !isAdmin ? <Typography.Paragraph>{t('members.onlyAdmins', { name: org.name })}</Typography.Paragraph> : null}
    </Space>
  );
}
