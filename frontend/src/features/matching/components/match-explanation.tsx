import { Flex, Tag, Tooltip, Typography } from 'antd';

import { useI18n } from '@/i18n/i18n';
import type { MessageKey } from '@/i18n/messages';

import type { Explanation } from '../api/get-matches';
import { IndicatorCoverageTable } from './indicator-coverage-table';

const COMPONENT_LABELS: Record<string, MessageKey> = {
  dense: 'matches.component.dense',
  lexical: 'matches.component.lexical',
  same_industry: 'matches.component.same_industry',
  same_region: 'matches.component.same_region',
  trl: 'matches.component.trl',
};
const COMPONENT_HINTS: Record<string, MessageKey> = {
  dense: 'matches.component.dense.hint',
  lexical: 'matches.component.lexical.hint',
  same_industry: 'matches.component.same_industry.hint',
  same_region: 'matches.component.same_region.hint',
  trl: 'matches.component.trl.hint',
};

export const formatScore = (score: number) => score.toFixed(3);

/** The parts of the score (already weighted), largest first. */
export function ScoreComponents({ components }: { components: Record<string, number> }) {
  const { t } = useI18n();
  const entries = Object.entries(components).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <div data-testid="score-components">
      <Typography.Text type="secondary">{t('common.labelled', { label: t('matches.components') })}</Typography.Text>
      {entries.map(([name, value]) => {
        const label = COMPONENT_LABELS[name];
        const hint = COMPONENT_HINTS[name];
        const tag = (
          <Tag key={name} bordered={false} data-component={name} tabIndex={hint ? 0 : undefined}>
            {label ? t(label) : name} {formatScore(value)}
          </Tag>
        );
        return hint ? (
          <Tooltip key={name} title={t(hint)}>
            {tag}
          </Tooltip>
        ) : (
          tag
        );
      })}
    </div>
  );
}

/** The terms both sides use, as tags (they are marked in the title and snippet above too). */
export function SharedTerms({ terms }: { terms: string[] }) {
  const { t } = useI18n();
  return (
    <div data-testid="shared-terms">
      <Typography.Text type="secondary">{t('common.labelled', { label: t('matches.sharedTerms') })}</Typography.Text>
      {terms.length > 0 ? (
        terms.map((term) => (
          <Tag key={term} color="gold" data-testid="shared-term">
            {term}
          </Tag>
        ))
      ) : (
        <Typography.Text type="secondary">{t('matches.sharedTerms.none')}</Typography.Text>
      )}
    </div>
  );
}

/** Why a candidate matches: shared terms, the searcher's indicators it addresses, the score's parts. */
export function MatchExplanation({
  explanation,
  indicatorsCaption,
  collapsed = false,
}: {
  explanation: Explanation;
  indicatorsCaption: string;
  /** Show the indicator table only on request (the matches further down a long list). */
  collapsed?: boolean;
}) {
  return (
    <Flex vertical gap={8} className="match-explanation" data-testid="match-explanation">
      <SharedTerms terms={explanation.shared_terms} />
      <IndicatorCoverageTable indicators={explanation.indicators} caption={indicatorsCaption} collapsed={collapsed} />
      <ScoreComponents components={explanation.components} />
    </Flex>
  );
}
