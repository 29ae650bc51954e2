import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';

import { useI18n } from '@/i18n/i18n';

import type { Deal } from '../api/get-deal';
import { Amount, PartyName } from './deal-tags';

/** Where the contract came from, linked to the posting when it came from the platform. */
function Origin({ deal }: { deal: Deal }) {
  const { t } = useI18n();
  const label = t(`enum.dealOrigin.${deal.origin ?? 'offline'}`);
  const link =
    deal.origin === 'challenge' && deal.origin_challenge
      ? { to: `/challenges/${deal.origin_challenge}`, kind: t('deals.field.originChallenge') }
      : deal.origin === 'need' && deal.origin_need
        ? { to: `/needs/${deal.origin_need}`, kind: t('deals.field.originNeed') }
        : deal.origin === 'capability' && deal.origin_capability
          ? { to: `/capabilities/${deal.origin_capability}`, kind: t('deals.field.originCapability') }
          : null;
  return (
    <>
      {label}
      {deal.origin_confidential ? (
        <Typography.Text type="secondary" data-testid="origin-confidential">
          {' · '}
          {t('deals.origin.confidential')}
        </Typography.Text>
      ) : null}
      {link ? (
        <>
          {' · '}
          <Link to={link.to}>{t('deals.origin.view', { kind: link.kind })}</Link>
        </>
      ) : null}
    </>
  );
}

/** The contract as it now stands: number, parties, amounts, dates, registration, origin. */
export function DealFacts({ deal }: { deal: Deal }) {
  const { t, formatDate, formatDateTime } = useI18n();
  return (
    <Descriptions
      data-testid="deal-facts"
      size="small"
      column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }}
      items={[
        { key: 'number', label: t('deals.field.contractNumber'), children: deal.contract_number },
        { key: 'registry', label: t('deals.field.registry'), children: deal.registry },
        { key: 'type', label: t('deals.field.contractType'), children: t(`enum.contractType.${deal.contract_type}`) },
        { key: 'industry', label: t('deals.field.industry'), children: deal.industry?.name ?? '—' },
        { key: 'buyer', label: t('deals.side.buyerLong'), span: 'filled', children: <PartyName party={deal.buyer} detailed /> },
        { key: 'seller', label: t('deals.side.sellerLong'), span: 'filled', children: <PartyName party={deal.seller} detailed /> },
        { key: 'contract', label: t('deals.field.contractAmount'), children: <Amount value={deal.contract_amount} /> },
        {
          key: 'technical',
          label: t('deals.field.technicalAmount'),
          children: (
            <span data-testid="deal-technical-amount" data-amount={deal.technical_amount}>
              <Amount value={deal.technical_amount} />
            </span>
          ),
        },
        { key: 'signed', label: t('deals.field.signedOn'), children: formatDate(deal.signed_on) },
        {
          key: 'registered',
          label: t('deals.field.registeredOn'),
          children: deal.registered_on ? formatDate(deal.registered_on) : <Typography.Text type="secondary">{t('deals.notRegistered')}</Typography.Text>,
        },
        { key: 'registration', label: t('deals.field.registrationNumber'), children: deal.registration_number || '—' },
        { key: 'origin', label: t('deals.field.origin'), children: <Origin deal={deal} /> },
        { key: 'createdBy', label: t('deals.field.createdBy'), children: deal.created_by },
        { key: 'createdAt', label: t('deals.field.createdAt'), children: formatDateTime(deal.created_at) },
        ...(deal.note ? [{ key: 'note', label: t('deals.field.note'), span: 'filled' as const, children: deal.note }] : []),
      ]}
    />
  );
}
