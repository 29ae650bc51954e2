import { useParams } from 'react-router';

import { NotFoundRoute } from '@/app/routes/not-found';
import { CapabilityDetail } from '@/features/capabilities/components/capability-detail';
import { RecordFromPosting } from '@/features/deals/components/record-from-posting';
import { MatchesSection } from '@/features/matching/components/matches-section';

export function CapabilityRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  return (
    <CapabilityDetail
      key={id}
      id={id}
      ownerSection={(capability) => (
        <>
          <RecordFromPosting kind="capability" id={capability.id} draft={capability.status === 'draft'} />
          <MatchesSection kind="capability" id={capability.id} />
        </>
      )}
    />
  );
}
