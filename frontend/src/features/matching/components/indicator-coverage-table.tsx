import { Button, Grid, Table, Typography } from 'antd';
import { useId, useState } from 'react';

import { HighlightedText } from '@/components/highlighted-text';
import { useI18n } from '@/i18n/i18n';

import type { IndicatorCoverage } from '../api/get-matches';

type Row = IndicatorCoverage & { key: number };

type Verdict = IndicatorCoverage['verdict'];

const MARKS: Record<Verdict, { sign: string; className: string; key: 'matches.indicators.yes' | 'matches.indicators.no' | 'matches.indicators.unknown' }> = {
  met: { sign: '✓', className: 'coverage-mark-yes', key: 'matches.indicators.yes' },
  unmet: { sign: '✗', className: 'coverage-mark-no', key: 'matches.indicators.no' },
  unknown: { sign: '–', className: 'coverage-mark-unknown', key: 'matches.indicators.unknown' },
};

/**
 * ✓ 达标 / ✗ 未达标 / – 未说明: the sign for the eye, the word for everyone. Only a claimed number
 * that meets the target earns the tick; a number that falls short says what was claimed.
 */
function Mark({ row }: { row: IndicatorCoverage }) {
  const { t } = useI18n();
  const mark = MARKS[row.verdict];
  return (
    <span className={`coverage-mark ${mark.className}`} data-testid="coverage-mark" data-verdict={row.verdict} data-addressed={String(row.verdict === 'met')}>
      <span aria-hidden>{mark.sign}</span> {t(mark.key)}
      {row.verdict !== 'unknown' && row.claimed ? (
        <Typography.Text type="secondary" className="coverage-claimed" data-testid="coverage-claimed">
          {' '}
          {t('matches.indicators.claimed', { claimed: row.claimed })}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** The candidate's sentence that states the indicator, with the claim (or else the name) marked in it. */
function Evidence({ row }: { row: IndicatorCoverage }) {
  const { t } = useI18n();
  if (!row.evidence) return <Typography.Text type="secondary">{t('matches.indicators.noEvidence')}</Typography.Text>;
  const terms = row.claim && row.evidence.includes(row.claim) ? [row.claim] : [row.name];
  return (
    <span data-testid="coverage-evidence">
      <HighlightedText text={row.evidence} terms={terms} />
    </span>
  );
}

const target = (row: IndicatorCoverage) => `${row.target}${row.unit ? ` ${row.unit}` : ''}`;

/**
 * The challenge's key indicators (关键指标) against what the candidate claims: met, unmet or not
 * stated, and the candidate's sentence that says so. A table on a wide screen; on a phone, where four columns do not
 * fit, one short block per indicator.
 */
export function IndicatorCoverageTable({
  indicators,
  caption,
  collapsed = false,
}: {
  indicators: IndicatorCoverage[];
  caption: string;
  /** Starts with the summary line only and a button to show the table (for matches further down). */
  collapsed?: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(!collapsed);
  const tableId = useId();
  const isPhone = Grid.useBreakpoint().sm === false;
  if (indicators.length === 0) return null;
  const met = indicators.filter((indicator) => indicator.verdict === 'met').length;
  const unmet = indicators.filter((indicator) => indicator.verdict === 'unmet').length;

  let details = null;
  if (open && isPhone) {
    details = (
      <ul id={tableId} className="coverage-list" data-testid="indicator-coverage">
        {indicators.map((row, index) => (
          <li key={index}>
            <div>
              <Mark row={row} /> {row.name} <strong>{target(row)}</strong>
            </div>
            <div>
              <Evidence row={row} />
            </div>
          </li>
        ))}
      </ul>
    );
  } else if (open) {
    details = (
      <Table<Row>
        id={tableId}
        data-testid="indicator-coverage"
        size="small"
        pagination={false}
        bordered
        style={{ marginTop: 6 }}
        dataSource={indicators.map((indicator, key) => ({ ...indicator, key }))}
        columns={[
          { title: t('challenges.indicators.name'), dataIndex: 'name', width: 150 },
          { title: t('challenges.indicators.target'), key: 'target', width: 110, render: (_: unknown, row) => <strong>{target(row)}</strong> },
          { title: t('matches.indicators.addressed'), key: 'verdict', width: 150, render: (_: unknown, row) => <Mark row={row} /> },
          { title: t('matches.indicators.evidence'), key: 'evidence', render: (_: unknown, row) => <Evidence row={row} /> },
        ]}
      />
    );
  }

  return (
    <section aria-label={caption} className="coverage">
      <Typography.Text type="secondary" data-testid="coverage-summary">
        {t('matches.indicators.summary', { met, total: indicators.length })}
        {unmet > 0 ? t('matches.indicators.summaryUnmet', { unmet }) : null}
      </Typography.Text>
      {collapsed ? (
        <Button type="link" size="small" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen((value) => !value)}>
          {open ? t('matches.indicators.hide') : t('matches.indicators.show')}
        </Button>
      ) : null}
      {details}
    </section>
  );
}
