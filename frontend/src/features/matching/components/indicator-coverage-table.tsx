import { Button, Grid, Table, Typography } from 'antd';
import { useId, useState } from 'react';

import { HighlightedText } from '@/components/highlighted-text';
import { useI18n } from '@/i18n/i18n';

import type { IndicatorCoverage } from '../api/get-matches';

type Row = IndicatorCoverage & { key: number };

/** ✓ 已回应 / ✗ 未回应: the sign for the eye, the word for everyone. */
function Mark({ addressed }: { addressed: boolean }) {
  const { t } = useI18n();
  return addressed ? (
    <span className="coverage-mark coverage-mark-yes" data-testid="coverage-mark" data-addressed="true">
      <span aria-hidden>✓</span> {t('matches.indicators.yes')}
    </span>
  ) : (
    <span className="coverage-mark coverage-mark-no" data-testid="coverage-mark" data-addressed="false">
      <span aria-hidden>✗</span> {t('matches.indicators.no')}
    </span>
  );
}

/** The candidate's sentence that speaks to an indicator, with the indicator's name marked in it. */
function Evidence({ row }: { row: IndicatorCoverage }) {
  const { t } = useI18n();
  if (!row.evidence) return <Typography.Text type="secondary">{t('matches.indicators.noEvidence')}</Typography.Text>;
  return (
    <span data-testid="coverage-evidence">
      <HighlightedText text={row.evidence} terms={[row.name]} />
    </span>
  );
}

const target = (row: IndicatorCoverage) => `${row.target}${row.unit ? ` ${row.unit}` : ''}`;

/**
 * Which of the searcher's key indicators (关键指标) the candidate speaks to, and the sentence of
 * the candidate that says so. A table on a wide screen; on a phone, where four columns do not
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
  const addressed = indicators.filter((indicator) => indicator.addressed).length;

  let details = null;
  if (open && isPhone) {
    details = (
      <ul id={tableId} className="coverage-list" data-testid="indicator-coverage">
        {indicators.map((row, index) => (
          <li key={index}>
            <div>
              <Mark addressed={row.addressed} /> {row.name} <strong>{target(row)}</strong>
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
          { title: t('matches.indicators.addressed'), dataIndex: 'addressed', width: 96, render: (value: boolean) => <Mark addressed={value} /> },
          { title: t('matches.indicators.evidence'), key: 'evidence', render: (_: unknown, row) => <Evidence row={row} /> },
        ]}
      />
    );
  }

  return (
    <section aria-label={caption} className="coverage">
      <Typography.Text type="secondary" data-testid="coverage-summary">
        {t('matches.indicators.summary', { addressed, total: indicators.length })}
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
