import { App, Button } from 'antd';

import { useErrorMessage } from '@/components/query-states';

export interface PostingAction<K extends string> {
  kind: K;
  label: string;
  /** Said once the change has been made. */
  done: string;
  primary?: boolean;
}

/** The part of a react-query mutation the buttons use (useNeedAction, useCapabilityAction). */
export interface PostingActionMutation<K extends string> {
  mutate: (kind: K, options: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

/** A posting's state changes (publish, close, withdraw…) as buttons, each saying how it went. */
export function PostingActions<K extends string>({ actions, mutation }: { actions: PostingAction<K>[]; mutation: PostingActionMutation<K> }) {
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const run = ({ kind, done }: PostingAction<K>) =>
    mutation.mutate(kind, {
      onSuccess: () => void message.success(done),
      onError: (error) => void message.error(describe(error)),
    });
  return (
    <>
      {actions.map((action) => (
        <Button key={action.kind} type={action.primary ? 'primary' : undefined} loading={mutation.isPending} onClick={() => run(action)}>
          {action.label}
        </Button>
      ))}
    </>
  );
}
