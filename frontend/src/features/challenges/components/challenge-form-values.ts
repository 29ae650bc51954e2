import dayjs, { type Dayjs } from 'dayjs';

import type { Confidentiality, FundingMode, ListType, Mode } from '@/utils/enums';

import type { ChallengeInput } from '../api/create-challenge';
import type { Challenge } from '../api/get-challenge';
import type { ChallengeUpdate } from '../api/update-challenge';
import { EMPTY_INDICATOR, type IndicatorRow } from './indicators-editor';

export interface ChallengeFormValues {
  title: string;
  summary: string;
  description: string;
  industry: string;
  list_type: ListType;
  indicators: IndicatorRow[];
  keywords: string[];
  bounty: string;
  funding_mode: FundingMode;
  mode: Mode;
  max_winners?: number;
  bid_deadline: Dayjs;
  confidentiality: Confidentiality;
  invited?: number[];
}

/** Fields the server refuses to change once a challenge is published. */
const LOCKED_AFTER_PUBLISH = ['bounty', 'mode', 'max_winners', 'funding_mode', 'confidentiality'] as const;

export function toChallengeInput(values: ChallengeFormValues): ChallengeInput {
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    description: values.description.trim(),
    industry: values.industry,
    list_type: values.list_type,
    indicators: values.indicators.map((row) => ({ name: row.name.trim(), target: row.target.trim(), unit: (row.unit ?? '').trim() })),
    keywords: (values.keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean),
    bounty: values.bounty,
    funding_mode: values.funding_mode,
    mode: values.mode,
    // 揭榜挂帅 has exactly one winner; 赛马制 lets 2-10 teams race.
    max_winners: values.mode === 'saima' ? values.max_winners : 1,
    bid_deadline: values.bid_deadline.toISOString(),
    confidentiality: values.confidentiality,
    invited: values.confidentiality === 'invitation_only' ? (values.invited ?? []) : [],
  };
}

/** A new challenge's defaults, or the challenge being edited as it is. */
export function challengeFormInitialValues(challenge?: Challenge): Partial<ChallengeFormValues> {
  if (!challenge) {
    return {
      indicators: [{ ...EMPTY_INDICATOR }],
      keywords: [],
      list_type: 'substitution',
      funding_mode: 'enterprise',
      mode: 'jiebang',
      max_winners: 2,
      confidentiality: 'public',
    };
  }
  return {
    title: challenge.title,
    summary: challenge.summary,
    description: challenge.description ?? '',
    industry: challenge.industry.code,
    list_type: challenge.list_type,
    indicators: challenge.indicators?.length ? challenge.indicators.map((i) => ({ ...i, unit: i.unit ?? '' })) : [{ ...EMPTY_INDICATOR }],
    keywords: challenge.keywords ?? [],
    bounty: challenge.bounty,
    funding_mode: challenge.funding_mode,
    mode: challenge.mode ?? 'jiebang',
    max_winners: challenge.mode === 'saima' ? challenge.max_winners : 2,
    bid_deadline: dayjs(challenge.bid_deadline),
    confidentiality: challenge.confidentiality ?? 'public',
  };
}

/**
 * What an edit sends: no locked field once published; the invitees and the deadline only when
 * changed (`touched`), since the detail output does not include the invitees, and the server
 * stores microseconds and refuses an earlier deadline once published, so resending the unchanged
 * value at millisecond precision would read as "earlier" (409).
 */
export function toChallengeUpdate(values: ChallengeFormValues, challenge: Challenge | undefined, touched: (field: keyof ChallengeFormValues) => boolean): ChallengeUpdate {
  const input: ChallengeUpdate = toChallengeInput(values);
  if (challenge?.status === 'published') for (const field of LOCKED_AFTER_PUBLISH) delete input[field];
  if (challenge) {
    if (!touched('invited')) delete input.invited;
    if (!touched('bid_deadline')) delete input.bid_deadline;
  }
  return input;
}
