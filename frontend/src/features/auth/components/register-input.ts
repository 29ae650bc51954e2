import type { InstituteType, OrganisationKind, Region } from '@/utils/enums';
import { normaliseUscc } from '@/utils/uscc';

import type { RegisterInput } from '../api/register';

export const ORG_MODES = ['create', 'join', 'none'] as const;
export type OrgMode = (typeof ORG_MODES)[number];

export interface RegisterValues {
  username: string;
  password: string;
  passwordConfirm: string;
  email?: string;
  /** Found a new organisation, ask to join an existing one, or neither (for now). */
  orgMode: OrgMode;
  join?: { organisation?: number; message?: string };
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
// already registered); in this form they live under `organisation`. The join fields are sent flat.
export const ORGANISATION_ALIASES = {
  ...Object.fromEntries(['name', 'kind', 'institute_type', 'uscc', 'region', 'province', 'city'].map((field) => [field, ['organisation', field]])),
  join_organisation: ['join', 'organisation'],
  join_message: ['join', 'message'],
};

/** The request: trimmed, the USCC in capitals, a new organisation or the one to join only when chosen. */
export function toInput(values: RegisterValues): RegisterInput {
  const input: RegisterInput = { username: values.username.trim(), password: values.password, email: values.email?.trim() ?? '' };
  const org = values.organisation;
  if (values.orgMode === 'join' && values.join?.organisation !== undefined) {
    input.join_organisation = values.join.organisation;
    const message = values.join.message?.trim();
    if (message) input.join_message = message;
  }
  if (values.orgMode === 'create' && org) {
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
