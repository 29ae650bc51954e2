import { useParams } from 'react-router';

import { NotFoundRoute } from '@/app/routes/not-found';
import { CapabilityDetail } from '@/features/capabilities/components/capability-detail';
import { RecordFromPosting } from '@/features/deals/components/record-from-posting';
import { MatchesSection } from '@/features/matching/components/matches-section';
import { NeedDetail } from '@/features/needs/components/need-detail';

export type PostingRouteKind = 'need' | 'capability';

/** A need's or a capability's page; its organisation also finds there how to record a deal from it, and its matches. */
export function PostingRoute({ kind }: { kind: PostingRouteKind }) {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  const ownerSection = (posting: { id: number; status?: string }) => (
    <>
      <RecordFromPosting kind={kind} id={posting.id} draft={posting.status === 'draft'} />
      <MatchesSection kind={kind} id={posting.id} />
    </>
  );
  return kind === 'need' ? <NeedDetail key={id} id={id} ownerSection={ownerSection} /> : <CapabilityDetail key={id} id={id} ownerSection={ownerSection} />;
}
