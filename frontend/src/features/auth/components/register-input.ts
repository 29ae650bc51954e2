import type { InstituteType, OrganisationKind, Region } from '@/utils/enums';
import { normaliseUscc } from '@/utils/uscc';

import type { RegisterInput } from '../api/register';

export interface RegisterValues {
  username: string;
  password: string;
  passwordConfirm: string;
  email?: string;
  withOrganisation: boolean;
  organisation?: {
    name: string;
    kind: OrganisationKind;
    institute_type?: InstituteType;
    uscc: string;
    region: Region;
    province?: string;
    city?: string;
  };
}

// The model check of a new organisation reports its fields at the top level (e.g. a USCC that is
// already registered); in this form they live under `organisation`.
export const ORGANISATION_ALIASES = Object.fromEntries(
  ['name', 'kind', 'institute_type', 'uscc', 'region', 'province', 'city'].map((field) => [field, ['organisation', field]]),
);

/** The request: trimmed, the USCC in capitals, the organisation only when asked for. */
export function toInput(values: RegisterValues): RegisterInput {
  const input: RegisterInput = { username: values.username.trim(), password: values.password, email: values.email?.trim() ?? '' };
  const org = values.organisation;
  if (values.withOrganisation && org) {
    input.organisation = {
      name: org.name.trim(),
      kind: org.kind,
      institute_type: org.kind === 'institute' ? (org.institute_type ?? '') : '',
      uscc: normaliseUscc(org.uscc),
      region: org.region,
      ...(org.region === 'outside' ? { province: org.province?.trim() ?? '', city: org.city?.trim() ?? '' } : {}),
    };
  }
  return input;
}
