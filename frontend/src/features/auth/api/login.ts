import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { getMeQueryOptions, useSetSession } from '@/lib/auth';

export type LoginInput = components['schemas']['TokenInputRequest'];

export const login = (body: LoginInput) => unwrap(api.POST('/api/auth/token/', { body }));

/** Exchanges username and password for a token, keeps it, and returns who signed in. */
export function useLogin() {
  const queryClient = useQueryClient();
  const setSession = useSetSession();
  return useMutation({
    mutationFn: async (input: LoginInput) => {
      const { token } = await login(input);
      await setSession(token);
      // The same query the header's user menu runs: one request serves both.
      return queryClient.fetchQuery(getMeQueryOptions(token));
    },
  });
}
