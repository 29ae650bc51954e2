import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/api-error';

/** 邀请揭榜: the organisation behind a recommended capability is told (and, on an invitation-only
 * challenge, added to the invited list). A second invitation is refused (409). */
export function useInviteToChallenge(challengeId: number) {
  return useMutation({
    mutationFn: (organisation: number) =>
      unwrap(api.POST('/api/challenges/{id}/invitations/', { params: { path: { id: challengeId } }, body: { organisation } })),
  });
}
