import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

import { notificationKeys } from './get-notifications';

export type Preferences = components['schemas']['PreferencesOutput'];
export type PreferencesChange = components['schemas']['PatchedPreferencesInputRequest'];

const preferencesKey = [...notificationKeys.all, 'preferences'] as const;

/** How each kind of notice reaches the signed-in user besides in-app: the daily digest, an e-mail at once. */
export const usePreferences = () =>
  useQuery({ queryKey: preferencesKey, queryFn: ({ signal }) => unwrap(api.GET('/api/notifications/preferences/', { signal })) });

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesChange) => unwrap(api.PATCH('/api/notifications/preferences/', { body })),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}
