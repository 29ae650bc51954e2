import { Alert, Form, Select } from 'antd';
import { useState } from 'react';

import { CountedTextArea, tooLong } from '@/components/counted-text';
import { useI18n } from '@/i18n/i18n';

import { useFindOrganisations } from '../api/membership-requests';

/** The organisation to join, found by name or USCC, and a word to its admin. */
export function JoinFields() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const found = useFindOrganisations(query);
  const options = (found.data?.results ?? []).map((org) => ({ value: org.id, label: `${org.name}（${org.uscc}）` }));
  return (
    <fieldset className="form-fieldset">
      <legend>{t('auth.join.section')}</legend>
      <Alert type="info" showIcon message={t('auth.join.note')} style={{ marginBottom: 16 }} />
      <Form.Item
        name={['join', 'organisation']}
        label={t('auth.join.organisation')}
        extra={t('auth.join.organisationHelp')}
        rules={[{ required: true, message: t('auth.join.organisationRequired') }]}
      >
        <Select
          showSearch
          filterOption={false}
          onSearch={setQuery}
          loading={found.isFetching}
          options={options}
          placeholder={t('auth.join.placeholder')}
          notFoundContent={query.trim() ? t('auth.join.noneFound') : null}
        />
      </Form.Item>
      <Form.Item name={['join', 'message']} label={t('auth.join.message')} rules={[tooLong(t, 300)]}>
        <CountedTextArea rows={2} max={300} placeholder={t('auth.join.messagePlaceholder')} />
      </Form.Item>
    </fieldset>
  );
}
