import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { dealKeys } from './get-deals';

// `registry`, `title`, `origin` and `note` have server defaults; the generated type marks them required.
type RecordBody = components['schemas']['DealRecordInputRequest'];
export type DealRecordInput = Omit<RecordBody, 'registry' | 'title' | 'origin' | 'note'> &
  Partial<Pick<RecordBody, 'registry' | 'title' | 'origin' | 'note'>>;
export type PartyInput = components['schemas']['PartyInputRequest'];

export const recordDeal = (body: DealRecordInput) => unwrap(api.POST('/api/deals/', { body: body as RecordBody }));

/** Records a signed contract (status 已录入); the answer is the contract with its first ledger line. */
export function useRecordDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordDeal,
    onSuccess: (deal) => {
      queryClient.setQueryData(dealKeys.detail(deal.id), deal);
      void queryClient.invalidateQueries({ queryKey: dealKeys.lists() });
      // Every dashboard figure is computed from the ledger (features/dashboard keys start with 'dashboard').
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
