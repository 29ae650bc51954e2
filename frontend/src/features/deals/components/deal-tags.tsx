import { Tag, Typography } from 'antd';

import type { components } from '@/api/schema';
import { useI18n } from '@/i18n/i18n';
import { formatAmount } from '@/utils/money';

import type { DealParty } from '../api/get-deal';

type Schemas = components['schemas'];
export type ContractType = Schemas['ContractTypeEnum'];
export type DealStatus = Schemas['DealStatusEnum'];
export type DealOrigin = Schemas['DealOriginEnum'];
export type DealEntryKind = Schemas['DealEntryKindEnum'];

export const CONTRACT_TYPES: readonly ContractType[] = ['development', 'transfer', 'license', 'consulting', 'service'];
export const DEAL_STATUSES: readonly DealStatus[] = ['recorded', 'registered', 'voided'];
export const DEAL_ORIGINS: readonly DealOrigin[] = ['challenge', 'need', 'capability', 'offline'];
export const DEAL_ENTRY_KINDS: readonly DealEntryKind[] = ['record', 'register', 'amend', 'void', 'reverse', 'withdraw'];

const STATUS_COLORS: Record<DealStatus, string> = { recorded: 'processing', registered: 'success', voided: 'default' };
/** Ledger line colours on the timeline, by kind (CSS colour names antd's Timeline accepts). */
export const ENTRY_KIND_COLORS: Record<DealEntryKind, string> = {
  record: 'blue',
  register: 'green',
  amend: 'orange',
  void: 'red',
  withdraw: 'gray',
  reverse: 'purple',
};

export function DealStatusTag({ status, testId }: { status: DealStatus | undefined; testId?: string }) {
  const { t } = useI18n();
  const value = status ?? 'recorded';
  return (
    <Tag color={STATUS_COLORS[value]} data-testid={testId}>
      {t(`enum.dealStatus.${value}`)}
    </Tag>
  );
}

/** An amount in yuan, read as 万元/亿元 with the exact figure on hover. */
export function Amount({ value }: { value: string | null | undefined }) {
  const { t, locale } = useI18n();
  if (value === null || value === undefined || value === '') return <>—</>;
  return (
    <span className="amount" title={t('common.yuanExact', { amount: value })}>
      {formatAmount(value, locale)}
    </span>
  );
}

/** A party's name, with its district and whether it is an organisation on the platform. */
export function PartyName({ party, detailed = false }: { party: DealParty; detailed?: boolean }) {
  const { t } = useI18n();
  return (
    <span>
      {party.name}
      <Typography.Text type="secondary">（{t(`enum.region.${party.region}`)}）</Typography.Text>
      {detailed ? (
        <>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('common.labelled', { label: t('deals.field.uscc') })}
            <span>{party.uscc}</span>
            {' · '}
            {party.organisation !== null ? t('deals.party.onPlatform') : t('deals.party.offPlatform')}
          </Typography.Text>
        </>
      ) : null}
    </span>
  );
}
