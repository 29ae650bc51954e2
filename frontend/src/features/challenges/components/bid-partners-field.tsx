import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Row, Select } from 'antd';

import { CountedInput, tooLong } from '@/components/counted-text';
import { useI18n } from '@/i18n/i18n';

import { useOrganisations } from '../api/get-organisations';

const MAX_PARTNERS = 10;

export interface BidPartnersFieldProps {
  myOrganisationId: number;
  /** The challenge's owner, who cannot be a partner either. */
  ownerOrganisationId?: number;
}

/** A consortium's partners (each must consent before the bid counts) and their roles, up to 10. */
export function BidPartnersField({ myOrganisationId, ownerOrganisationId }: BidPartnersFieldProps) {
  const { t } = useI18n();
  const organisations = useOrganisations();
  const partnerOptions = (organisations.data?.results ?? [])
    // Only verified enterprises and institutes can be partners, never the lead itself; the server
    // checks the rest (the owner, invitations, other bids) and answers under `partners`.
    .filter(
      (org) =>
        org.id !== myOrganisationId && org.id !== ownerOrganisationId && (org.kind === 'institute' || org.kind === 'enterprise') && org.verification === 'verified',
    )
    .map((org) => ({ value: org.id, label: org.name }));
  return (
    <Form.List name="partners">
      {(fields, { add, remove }, { errors }) => (
        <fieldset className="form-fieldset">
          <legend>{t('bids.partners')}</legend>
          <p className="muted" style={{ marginTop: 0 }}>
            {t('bidForm.partnersHelp')}
          </p>
          {fields.length > 0 ? <Alert type="info" showIcon message={t('bidForm.partnersConsent')} style={{ marginBottom: 12 }} data-testid="partners-consent" /> : null}
          {fields.map((field, index) => {
            const n = index + 1;
            return (
              <Row gutter={8} key={field.key} data-testid="partner-row">
                <Col xs={24} md={12}>
                  <Form.Item name={[field.name, 'organisation']} rules={[{ required: true, message: t('form.select', { field: t('bidForm.partner') }) }]}>
                    <Select aria-label={t('bidForm.partnerLabel', { n })} placeholder={t('bidForm.partner')} showSearch optionFilterProp="label" loading={organisations.isPending} options={partnerOptions} />
                  </Form.Item>
                </Col>
                <Col xs={21} md={10}>
                  <Form.Item name={[field.name, 'role']} rules={[tooLong(t, 200)]}>
                    <CountedInput aria-label={t('bidForm.partnerRoleLabel', { n })} placeholder={t('bidForm.partnerRole')} max={200} />
                  </Form.Item>
                </Col>
                <Col xs={3} md={2}>
                  <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('bidForm.removePartner', { n })} onClick={() => remove(field.name)} />
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: '' })} disabled={fields.length >= MAX_PARTNERS} block>
            {t('bidForm.addPartner')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
