import { Select, type SelectProps } from 'antd';
import { useState } from 'react';

import { useI18n } from '@/i18n/i18n';

import { useOrganisationSearch, type OrganisationKind } from '../api/search-organisations';

export interface OrganisationSelectProps extends Pick<SelectProps<number | number[]>, 'id' | 'mode' | 'value' | 'onChange' | 'placeholder'> {
  /** Only this kind (a consortium's lead is an enterprise). */
  kind?: OrganisationKind;
  'aria-label'?: string;
}

/** Picks registered organisations by name or USCC, searched on the server as one types. */
export function OrganisationSelect({ kind, ...props }: OrganisationSelectProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useOrganisationSearch(q.trim(), kind);
  return (
    <Select<number | number[]>
      {...props}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? t('common.loading') : t('qualifications.organisation.none')}
      options={(found.data?.results ?? []).map((org) => ({ value: org.id, label: `${org.name}（${org.uscc}）` }))}
    />
  );
}
