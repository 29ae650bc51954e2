import { PostingRoute } from '../postings/posting-route';

export function CapabilityRoute() {
  return <PostingRoute kind="capability" />;
}
