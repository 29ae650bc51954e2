import { Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';

import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';
import { isOneOf, REGIONS } from '@/utils/enums';
import { formatAmount } from '@/utils/money';

import type { DealEntry } from '../api/get-deal';
import { Amount, CONTRACT_TYPES, DEAL_ENTRY_KINDS, DEAL_ORIGINS, DEAL_STATUSES, DealStatusTag, ENTRY_KIND_COLORS } from './deal-tags';

/** What each ledger column is called (the keys of an entry's `changes` are the model's attnames). */
const FIELD_LABELS: Record<string, MessageKey> = {
  registry: 'deals.field.registry',
  contract_number: 'deals.field.contractNumber',
  title: 'deals.field.title',
  contract_type: 'deals.field.contractType',
  buyer_name: 'deals.field.buyer',
  seller_name: 'deals.field.seller',
  contract_amount: 'deals.field.contractAmount',
  technical_amount: 'deals.field.technicalAmount',
  signed_on: 'deals.field.signedOn',
  registered_on: 'deals.field.registeredOn',
  registration_number: 'deals.field.registrationNumber',
  industry_id: 'deals.field.industry',
  origin: 'deals.field.origin',
  status: 'deals.field.status',
};
const SIDE_FIELDS: Record<string, MessageKey> = {
  uscc: 'deals.field.uscc',
  region: 'deals.field.region',
  organisation_id: 'deals.field.organisation',
};
// The origin posting's id: the line says that it changed rather than showing a bare number. (The
// API names the industry chain and platform organisations in `changes`.)
const ID_FIELDS = /^origin_.+_id$/;

function useChangeText() {
  const { t, locale, formatDate } = useI18n();
  const label = (field: string): string => {
    const key = FIELD_LABELS[field];
    if (key) return t(key);
    const side = /^(buyer|seller)_(.+)$/.exec(field);
    if (side?.[1] && side[2]) {
      const part = SIDE_FIELDS[side[2]];
      const who = t(side[1] === 'buyer' ? 'deals.side.buyer' : 'deals.side.seller');
      return part ? `${who}${t(part)}` : field;
    }
    if (field.startsWith('origin_')) return t('deals.field.origin');
    return field;
  };
  const value = (field: string, raw: string | null | undefined): string => {
    if (raw === null || raw === undefined || raw === '') return '—';
    if (field === 'status' && isOneOf(DEAL_STATUSES, raw)) return t(`enum.dealStatus.${raw}`);
    if (field === 'contract_type' && isOneOf(CONTRACT_TYPES, raw)) return t(`enum.contractType.${raw}`);
    if (field === 'origin' && isOneOf(DEAL_ORIGINS, raw)) return t(`enum.dealOrigin.${raw}`);
    if (field.endsWith('_amount')) return `${formatAmount(raw, locale)}（${t('common.yuanExact', { amount: raw })}）`;
    if (field.endsWith('_region') && isOneOf(REGIONS, raw)) return t(`enum.region.${raw}`);
    if (field === 'signed_on' || field === 'registered_on') return formatDate(raw);
    return raw;
  };
  return { label, value };
}

function Changes({ changes }: { changes: DealEntry['changes'] }) {
  const { t } = useI18n();
  const { label, value } = useChangeText();
  const fields = Object.keys(changes);
  if (fields.length === 0) return null;
  return (
    <dl className="ledger-changes" aria-label={t('deals.ledger.changes')} data-testid="ledger-changes">
      {fields.map((field) => {
        const [before, after] = changes[field] ?? [];
        return (
          <div key={field} data-testid="ledger-change" data-field={field}>
            <dt style={{ display: 'inline' }}>{t('common.labelled', { label: label(field) })}</dt>
            <dd style={{ display: 'inline', margin: 0 }}>
              {ID_FIELDS.test(field) ? t('deals.ledger.changed') : `${value(field, before)} → ${value(field, after)}`}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/**
 * The contract's append-only ledger, oldest first: what happened (录入, 认定登记, 更正, 作废, 冲销),
 * who did it and when, why, which values changed, and the state the contract was left in.
 */
export function DealLedger({ entries }: { entries: DealEntry[] }) {
  const { t, formatDateTime } = useI18n();
  if (entries.length === 0) return <Typography.Text type="secondary">{t('deals.ledger.empty')}</Typography.Text>;
  const position = new Map(entries.map((entry, index) => [entry.id, index + 1]));
  const kindLabel = (kind: string) => (isOneOf(DEAL_ENTRY_KINDS, kind) ? t(`enum.dealEntryKind.${kind}`) : kind);
  const last = entries[entries.length - 1];

  const items = entries.map((entry, index) => {
    const reversed = entry.reverses ? entries.find((other) => other.id === entry.reverses) : undefined;
    let reverses: ReactNode = null;
    if (entry.reverses) {
      reverses = (
        <div>
          {t('deals.ledger.reverses', { n: position.get(entry.reverses) ?? entry.reverses, kind: reversed ? kindLabel(reversed.kind) : '' })}
        </div>
      );
    }
    return {
      key: entry.id,
      color: ENTRY_KIND_COLORS[isOneOf(DEAL_ENTRY_KINDS, entry.kind) ? entry.kind : 'record'],
      children: (
        <div data-testid="ledger-entry" data-kind={entry.kind}>
          <Typography.Text strong>{t('deals.ledger.entry', { n: index + 1, kind: kindLabel(entry.kind) })}</Typography.Text>
          {entry === last ? <Tag style={{ marginInlineStart: 8 }}>{t('deals.ledger.latest')}</Tag> : null}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="ledger-meta">
              {entry.at ? t('deals.ledger.meta', { by: entry.by, at: formatDateTime(entry.at) }) : entry.by}
            </Typography.Text>
          </div>
          {entry.reason ? (
            <div data-testid="ledger-reason">
              {t('common.labelled', { label: t('deals.ledger.reason') })}
              {entry.reason}
            </div>
          ) : null}
          {reverses}
          {entry.import_job ? <div>{t('deals.ledger.import', { id: entry.import_job })}</div> : null}
          <Changes changes={entry.changes} />
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('deals.ledger.after')}
            </Typography.Text>
            <DealStatusTag status={entry.status} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('common.labelled', { label: t('deals.field.technicalAmount') })}
              <Amount value={entry.technical_amount} />
            </Typography.Text>
          </div>
        </div>
      ),
    };
  });
  return (
    <div data-testid="deal-ledger">
      <Typography.Paragraph type="secondary">{t('deals.ledger.intro')}</Typography.Paragraph>
      <Timeline items={items} />
    </div>
  );
}
