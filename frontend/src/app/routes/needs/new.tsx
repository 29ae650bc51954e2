import { NewPostingRoute } from '../postings/new-posting-route';

export function NewNeedRoute() {
  return <NewPostingRoute kind="need" />;
}
