import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import type { Deal } from './get-deal';
import { dealKeys } from './get-deals';

type Schemas = components['schemas'];

/** The actions on a contract and the body each takes (each appends a ledger line); `deal.actions` says which the viewer may take. */
export interface DealActionBodies {
  register: Schemas['DealRegisterInputRequest'];
  amend: Schemas['DealAmendInputRequest'];
  void: Schemas['DealVoidInputRequest'];
  reverse: Schemas['DealReverseInputRequest'];
  withdraw: Schemas['DealWithdrawInputRequest'];
}
export type DealAction = keyof DealActionBodies;
export type DealActionRequest = { [A in DealAction]: { action: A; body: DealActionBodies[A] } }[DealAction];

// One function per request; they share this file because they share the answer's handling.
export const registerDeal = (id: number, body: DealActionBodies['register']) =>
  unwrap(api.POST('/api/deals/{id}/register/', { params: { path: { id: String(id) } }, body }));
export const amendDeal = (id: number, body: DealActionBodies['amend']) =>
  unwrap(api.POST('/api/deals/{id}/amend/', { params: { path: { id: String(id) } }, body }));
export const voidDeal = (id: number, body: DealActionBodies['void']) =>
  unwrap(api.POST('/api/deals/{id}/void/', { params: { path: { id: String(id) } }, body }));
export const reverseDealEntry = (id: number, body: DealActionBodies['reverse']) =>
  unwrap(api.POST('/api/deals/{id}/reverse/', { params: { path: { id: String(id) } }, body }));
export const withdrawDeal = (id: number, body: DealActionBodies['withdraw']) =>
  unwrap(api.POST('/api/deals/{id}/withdraw/', { params: { path: { id: String(id) } }, body }));

export function runDealAction(id: number, request: DealActionRequest): Promise<Deal> {
  switch (request.action) {
    case 'register':
      return registerDeal(id, request.body);
    case 'amend':
      return amendDeal(id, request.body);
    case 'void':
      return voidDeal(id, request.body);
    case 'reverse':
      return reverseDealEntry(id, request.body);
    case 'withdraw':
      return withdrawDeal(id, request.body);
  }
}

/** Runs an action; the answer is the contract with its ledger as it now is, so the page updates without a reload. */
export function useDealAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: DealActionRequest) => runDealAction(id, request),
    onSuccess: (deal) => {
      queryClient.setQueryData(dealKeys.detail(id), deal);
      void queryClient.invalidateQueries({ queryKey: dealKeys.lists() });
      // Every dashboard figure is computed from the ledger (features/dashboard keys start with 'dashboard').
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
