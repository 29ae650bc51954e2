import { NeedList } from '@/features/needs/components/need-list';

export function NeedsRoute() {
  return <NeedList />;
}
