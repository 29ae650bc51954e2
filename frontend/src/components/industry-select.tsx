import { Select, type SelectProps } from 'antd';

import { useIndustries } from '@/hooks/use-industries';
import { useI18n } from '@/i18n/i18n';
import { industryDescription, industryName } from '@/i18n/industries';

export type IndustrySelectProps = Omit<SelectProps<string>, 'options' | 'loading'>;

/** A select of the industry chains, by code. */
export function IndustrySelect(props: IndustrySelectProps) {
  const { t, locale } = useI18n();
  const { data, isPending, isError } = useIndustries();
  return (
    <Select<string>
      showSearch
      optionFilterProp="label"
      loading={isPending}
      notFoundContent={isError ? t('common.error.title') : undefined}
      options={(data ?? []).map((industry) => ({ value: industry.code, label: industryName(industry, locale), title: industryDescription(industry, locale) }))}
      {...props}
    />
  );
}
