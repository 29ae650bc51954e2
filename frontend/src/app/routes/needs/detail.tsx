import { PostingRoute } from '../postings/posting-route';

export function NeedRoute() {
  return <PostingRoute kind="need" />;
}
