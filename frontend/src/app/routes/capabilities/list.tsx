import { CapabilityList } from '@/features/capabilities/components/capability-list';

export function CapabilitiesRoute() {
  return <CapabilityList />;
}
