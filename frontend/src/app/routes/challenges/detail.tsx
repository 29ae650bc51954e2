import { useParams } from 'react-router';

import { NotFoundRoute } from '@/app/routes/not-found';
import { ChallengeDetail } from '@/features/challenges/components/challenge-detail';
import { AWARDED_STATUSES } from '@/features/deals/api/get-deal-prefill';
import { ChallengeDeals } from '@/features/deals/components/challenge-deals';
import { MatchesSection } from '@/features/matching/components/matches-section';

export function ChallengeRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  // Keyed by id: moving between challenges starts from a clean page state (dialogs, selections).
  return (
    <ChallengeDetail
      key={id}
      id={id}
      ownerSection={(challenge) => (
        <>
          {/* Once awarded: the contracts recorded from this challenge. */}
          {AWARDED_STATUSES.includes(challenge.status ?? 'draft') ? <ChallengeDeals challenge={challenge} /> : null}
          <MatchesSection kind="challenge" id={challenge.id} invite={challenge.status === 'published'} />
        </>
      )}
    />
  );
}
