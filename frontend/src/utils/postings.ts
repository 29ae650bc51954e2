import type { components } from '@/api/schema';
import type { MessageKey } from '@/i18n/messages';

import { CAPABILITY_STATUSES, CHALLENGE_STATUSES, isOneOf, NEED_STATUSES } from './enums';

/** Any posting as search hits, matches and recommendations carry it. */
export type PostingSummary = components['schemas']['PostingSummaryOutput'];

export const POSTING_KINDS = ['challenge', 'need', 'capability'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

const BASE_PATHS: Record<PostingKind, string> = { challenge: '/challenges', need: '/needs', capability: '/capabilities' };

/** The page of a posting, from the kind and id the API names it by (null for a kind this app does not know). */
export function postingPath(kind: string, id: number): string | null {
  return isOneOf(POSTING_KINDS, kind) ? `${BASE_PATHS[kind]}/${id}` : null;
}

export const POSTING_KIND_LABELS: Record<PostingKind, MessageKey> = {
  challenge: 'posting.kind.challenge',
  need: 'posting.kind.need',
  capability: 'posting.kind.capability',
};

/** What `amount` means for each kind: a challenge's bounty, a need's budget ceiling, a capability's price ceiling. */
export const POSTING_AMOUNT_LABELS: Record<PostingKind, MessageKey> = {
  challenge: 'posting.amount.challenge',
  need: 'posting.amount.need',
  capability: 'posting.amount.capability',
};

/** The status in the words of the posting's own kind ("published" is 揭榜中 for a challenge, 已发布 for a capability). */
export function postingStatusKey(kind: string, status: string): MessageKey | null {
  if (kind === 'challenge' && isOneOf(CHALLENGE_STATUSES, status)) return `enum.challengeStatus.${status}`;
  if (kind === 'need' && isOneOf(NEED_STATUSES, status)) return `enum.needStatus.${status}`;
  if (kind === 'capability' && isOneOf(CAPABILITY_STATUSES, status)) return `enum.capabilityStatus.${status}`;
  return null;
}
