import { ChallengeList } from '@/features/challenges/components/challenge-list';

export function ChallengesRoute() {
  return <ChallengeList />;
}
