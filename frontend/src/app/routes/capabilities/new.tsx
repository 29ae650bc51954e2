import { NewPostingRoute } from '../postings/new-posting-route';

export function NewCapabilityRoute() {
  return <NewPostingRoute kind="capability" />;
}
