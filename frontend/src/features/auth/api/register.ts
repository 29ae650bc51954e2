import { useMutation } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';
import { useSetSession } from '@/lib/auth';

export type RegisterInput = components['schemas']['RegisterInputRequest'];
export type OrganisationInput = components['schemas']['OrganisationInputRequest'];

export const register = (body: RegisterInput) => unwrap(api.POST('/api/auth/register/', { body }));

/** Creates the user (and, optionally, its unverified organisation) and signs in as it. */
export function useRegister() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: async (input: RegisterInput) => {
      const result = await register(input);
      // The answer already says who this is: no need to ask /api/auth/me/ again.
      await setSession(result.token, result.user);
      return result.user;
    },
  });
}
