import { Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';

import { DateInput } from '@/components/date-input';
import { FormModal } from '@/components/form-modal';
import { useI18n } from '@/i18n/i18n';

import { useAddConsortium } from '../api/consortia';
import { OrganisationSelect } from './organisation-select';

interface ConsortiumValues {
  name: string;
  lead: number;
  members?: number[];
  established_on: Dayjs;
  source: string;
}

/** Records a 创新联合体: its lead (an enterprise), members, the day it was formed and the filing. */
export function ConsortiumFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const add = useAddConsortium();
  const field = (key: 'name' | 'lead' | 'members' | 'establishedOn' | 'source') => t(`qualifications.consortium.field.${key}`);
  return (
    <FormModal<ConsortiumValues>
      open={open}
      title={t('qualifications.consortium.add.title')}
      okText={t('qualifications.consortium.add.submit')}
      intro={t('qualifications.consortium.add.intro')}
      width={600}
      onSubmit={(values) =>
        add.mutateAsync({
          name: values.name.trim(),
          lead: values.lead,
          members: values.members ?? [],
          established_on: values.established_on.format('YYYY-MM-DD'),
          source: values.source.trim(),
        })
      }
      onClose={onClose}
    >
      <Form.Item name="name" label={field('name')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: field('name') }) }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="lead" label={field('lead')} extra={t('qualifications.consortium.field.lead.help')} rules={[{ required: true, message: t('form.select', { field: field('lead') }) }]}>
        <OrganisationSelect kind="enterprise" placeholder={t('qualifications.organisation.search')} />
      </Form.Item>
      <Form.Item name="members" label={field('members')}>
        <OrganisationSelect mode="multiple" placeholder={t('qualifications.organisation.search')} />
      </Form.Item>
      <Form.Item name="established_on" label={field('establishedOn')} rules={[{ required: true, message: t('form.select', { field: field('establishedOn') }) }]}>
        <DateInput style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="source" label={field('source')} rules={[{ required: true, whitespace: true, message: t('form.required', { field: field('source') }) }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
