import { useParams } from 'react-router';

import { NotFoundRoute } from '@/app/routes/not-found';
import { RecordFromPosting } from '@/features/deals/components/record-from-posting';
import { MatchesSection } from '@/features/matching/components/matches-section';
import { NeedDetail } from '@/features/needs/components/need-detail';

export function NeedRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  return (
    <NeedDetail
      key={id}
      id={id}
      ownerSection={(need) => (
        <>
          <RecordFromPosting kind="need" id={need.id} draft={need.status === 'draft'} />
          <MatchesSection kind="need" id={need.id} />
        </>
      )}
    />
  );
}
