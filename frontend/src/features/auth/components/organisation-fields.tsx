import { Alert, Col, Form, Radio, Row, Select } from 'antd';
import { Link } from 'react-router';

import { CountedInput, tooLong } from '@/components/counted-text';
import { useI18n } from '@/i18n/i18n';
import { INSTITUTE_TYPES, REGIONS, REGISTERABLE_KINDS } from '@/utils/enums';

import { UsccField } from './uscc-field';

/** The new organisation: name, USCC, kind (and the kind of institute), district or place outside. */
export function OrganisationFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['organisation', 'kind'], form);
  const region = Form.useWatch(['organisation', 'region'], form);
  const required = (field: string) => ({ required: true, message: t('form.required', { field }) });
  return (
    <fieldset className="form-fieldset">
      <legend>{t('auth.org.section')}</legend>
      <Alert
        type="info"
        showIcon
        message={
          <>
            {t('auth.register.unverifiedNote')} <Link to="/verification">{t('verification.link')}</Link>
          </>
        }
        style={{ marginBottom: 16 }}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['organisation', 'name']} label={t('auth.org.name')} rules={[required(t('auth.org.name')), tooLong(t, 120)]}>
            <CountedInput max={120} autoComplete="organization" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <UsccField />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['organisation', 'kind']} label={t('auth.org.kind')} rules={[required(t('auth.org.kind'))]}>
            <Radio.Group optionType="button" options={REGISTERABLE_KINDS.map((value) => ({ value, label: t(`enum.orgKind.${value}`) }))} />
          </Form.Item>
        </Col>
        {kind === 'institute' ? (
          <Col xs={24} md={12}>
            <Form.Item
              name={['organisation', 'institute_type']}
              label={t('auth.org.instituteType')}
              rules={[{ required: true, message: t('form.select', { field: t('auth.org.instituteType') }) }]}
            >
              <Select options={INSTITUTE_TYPES.map((value) => ({ value, label: t(`enum.instituteType.${value}`) }))} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          {/* No default: the district decides whose figures the organisation's contracts count in. */}
          <Form.Item name={['organisation', 'region']} label={t('auth.org.region')} rules={[{ required: true, message: t('auth.org.regionRequired') }]}>
            <Select placeholder={t('auth.org.regionPlaceholder')} options={REGIONS.map((value) => ({ value, label: t(`enum.region.${value}`) }))} />
          </Form.Item>
        </Col>
        {region === 'outside' ? (
          <>
            <Col xs={12} md={6}>
              <Form.Item name={['organisation', 'province']} label={t('auth.org.province')} rules={[tooLong(t, 30)]}>
                <CountedInput max={30} autoComplete="address-level1" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={['organisation', 'city']} label={t('auth.org.city')} rules={[tooLong(t, 30)]}>
                <CountedInput max={30} autoComplete="address-level2" />
              </Form.Item>
            </Col>
          </>
        ) : null}
      </Row>
    </fieldset>
  );
}
