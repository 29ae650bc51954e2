import { SortAscendingOutlined } from '@ant-design/icons';
import { Flex, Select, Typography } from 'antd';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

import { useI18n } from '@/i18n/i18n';

export interface SortOption<V extends string> {
  value: V;
  label: string;
}

/**
 * A list's sort order, in the URL beside its filters (bookmarkable) but not counted as one; clearing
 * the filters empties the URL and so restores the default order. Only the values offered are read
 * back; a new order goes back to page 1.
 */
export function useOrdering<V extends string>(values: readonly V[]): [V | undefined, (value: V | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('ordering');
  const ordering = values.find((value) => value === raw);
  const setOrdering = useCallback(
    (value: V | undefined) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('ordering', value);
        else next.delete('ordering');
        next.delete('page');
        return next;
      }),
    [setParams],
  );
  return [ordering, setOrdering];
}

/** The sort selector above a list; empty means the API's default order. */
export function SortSelect<V extends string>({
  id,
  value,
  options,
  onChange,
}: {
  id: string;
  value: V | undefined;
  options: SortOption<V>[];
  onChange: (value: V | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <Flex justify="flex-end" align="center" gap={8} style={{ marginBottom: 8 }}>
      <Typography.Text type="secondary">
        <label htmlFor={id}>
          <SortAscendingOutlined aria-hidden /> {t('sort.label')}
        </label>
      </Typography.Text>
      <Select<V>
        id={id}
        value={value}
        allowClear
        placeholder={t('sort.default')}
        options={options}
        onChange={(next) => onChange(next ?? undefined)}
        style={{ minWidth: 140 }}
      />
    </Flex>
  );
}
