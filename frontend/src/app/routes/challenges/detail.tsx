import { useParams } from 'react-router';

import { ChallengeDetail } from '@/features/challenges/components/challenge-detail';
import { NotFoundRoute } from '@/app/routes/not-found';

export function ChallengeRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundRoute />;
  // Keyed by id: moving between challenges starts from a clean page state (dialogs, selections).
  return <ChallengeDetail key={id} id={id} />;
}
