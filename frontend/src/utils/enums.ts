import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type Region = Schemas['RegionEnum'];
export type ChallengeStatus = Schemas['ChallengeStatusEnum'];
export type ListType = Schemas['ListTypeEnum'];
export type Mode = Schemas['ModeEnum'];
export type FundingMode = Schemas['FundingModeEnum'];
export type Confidentiality = Schemas['ConfidentialityEnum'];
export type BidStatus = Schemas['BidStatusEnum'];
export type NeedStatus = Schemas['NeedStatusEnum'];
export type CapabilityStatus = Schemas['CapabilityStatusEnum'];
export type CapabilityKind = Schemas['CapabilityKindEnum'];
export type CooperationType = Schemas['CooperationTypeEnum'];
export type OrganisationKind = Schemas['OrganisationKindEnum'];
export type InstituteType = Schemas['InstituteTypeEnum'];
export type Verification = Schemas['VerificationEnum'];

/** Every value of a generated enum, in display order; fails to compile if the schema adds one. */
function allOf<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : 'a value of the enum is missing')) =>
    values as readonly T[];
}

export const REGIONS = allOf<Region>()(['wuxing', 'nanxun', 'deqing', 'changxing', 'anji', 'nantaihu', 'moganshan', 'outside']);
export const CHALLENGE_STATUSES = allOf<ChallengeStatus>()([
  'draft', 'published', 'closed', 'awarded', 'in_progress', 'accepted', 'failed', 'cancelled',
]);
export const LIST_TYPES = allOf<ListType>()(['forced', 'leading', 'substitution', 'transformation']);
export const MODES = allOf<Mode>()(['jiebang', 'saima']);
export const FUNDING_MODES = allOf<FundingMode>()(['enterprise', 'fiscal', 'invest_then_equity']);
export const CONFIDENTIALITIES = allOf<Confidentiality>()(['public', 'summary_only', 'invitation_only']);
export const BID_STATUSES = allOf<BidStatus>()(['submitted', 'shortlisted', 'awarded', 'not_awarded', 'withdrawn']);
export const NEED_STATUSES = allOf<NeedStatus>()(['draft', 'open', 'closed']);
export const CAPABILITY_STATUSES = allOf<CapabilityStatus>()(['draft', 'published', 'withdrawn']);
export const CAPABILITY_KINDS = allOf<CapabilityKind>()(['capability', 'achievement']);
export const COOPERATION_TYPES = allOf<CooperationType>()(['development', 'transfer', 'license', 'consulting', 'service', 'joint']);
/** Self-registration offers these; the operator organisation cannot be registered by itself. */
/** Self-registration opens enterprises and institutes; government bodies and the operator are opened by the operator. */
export const REGISTERABLE_KINDS = ['enterprise', 'institute'] as const satisfies readonly OrganisationKind[];
export const INSTITUTE_TYPES = allOf<InstituteType>()(['research_institute', 'university', 'new_rd']);

/** Tag colours (antd presets) by status, so the same state looks the same on every page. */
export const CHALLENGE_STATUS_COLORS: Record<ChallengeStatus, string> = {
  draft: 'default',
  published: 'processing',
  closed: 'warning',
  awarded: 'purple',
  in_progress: 'cyan',
  accepted: 'success',
  failed: 'error',
  cancelled: 'default',
};
export const BID_STATUS_COLORS: Record<BidStatus, string> = {
  submitted: 'processing',
  shortlisted: 'gold',
  awarded: 'success',
  not_awarded: 'default',
  withdrawn: 'default',
};
export const NEED_STATUS_COLORS: Record<NeedStatus, string> = { draft: 'default', open: 'processing', closed: 'default' };
export const CAPABILITY_STATUS_COLORS: Record<CapabilityStatus, string> = {
  draft: 'default',
  published: 'success',
  withdrawn: 'default',
};

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/**
 * Need and capability outputs declare keywords, patents and cooperation types without an item
 * type (JSONField), so the generated type is `unknown`: keep the strings, drop anything else.
 */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
