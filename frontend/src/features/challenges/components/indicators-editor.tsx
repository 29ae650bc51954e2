import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Typography } from 'antd';

import { CountedInput, tooLong } from '@/components/counted-text';
import { useI18n } from '@/i18n/i18n';

export const MAX_INDICATORS = 20;

export interface IndicatorRow {
  name: string;
  target: string;
  unit?: string;
}

export const EMPTY_INDICATOR: IndicatorRow = { name: '', target: '', unit: '' };

/**
 * Rows of name / target / unit under the form field `indicators` (antd Form.List). At least one
 * row is required: the last row cannot be removed, and an empty list fails validation.
 */
export function IndicatorsEditor({ name = 'indicators' }: { name?: string }) {
  const { t } = useI18n();
  const label = t('challenges.field.indicators');
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: (_rule, rows?: IndicatorRow[]) =>
            rows && rows.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('challenges.indicators.atLeastOne'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset className="form-fieldset" data-testid="indicators-editor">
          <legend>
            <span className="required-mark" aria-hidden>
              *
            </span>
            {label}
          </legend>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('challenges.indicators.help')}
          </Typography.Paragraph>
          <Row gutter={8} className="indicator-head" aria-hidden>
            <Col md={10}>{t('challenges.indicators.name')}</Col>
            <Col md={7}>{t('challenges.indicators.target')}</Col>
            <Col md={5}>{t('challenges.indicators.unit')}</Col>
          </Row>
          {fields.map((field, index) => {
            const n = index + 1;
            return (
              <Row gutter={8} key={field.key} align="top" data-testid="indicator-row" className="indicator-row">
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[tooLong(t, 60), { required: true, whitespace: true, message: t('challenges.indicators.nameRequired', { n }) }]}
                  >
                    <CountedInput
                      aria-label={t('challenges.indicators.nameLabel', { n })}
                      placeholder={t('challenges.indicators.namePlaceholder')}
                      max={60}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={7}>
                  <Form.Item
                    name={[field.name, 'target']}
                    rules={[tooLong(t, 60), { required: true, whitespace: true, message: t('challenges.indicators.targetRequired', { n }) }]}
                  >
                    <CountedInput
                      aria-label={t('challenges.indicators.targetLabel', { n })}
                      placeholder={t('challenges.indicators.targetPlaceholder')}
                      max={60}
                    />
                  </Form.Item>
                </Col>
                <Col xs={9} md={5}>
                  <Form.Item name={[field.name, 'unit']} rules={[tooLong(t, 20)]}>
                    <CountedInput
                      aria-label={t('challenges.indicators.unitLabel', { n })}
                      placeholder={t('challenges.indicators.unitPlaceholder')}
                      max={20}
                    />
                  </Form.Item>
                </Col>
                <Col xs={3} md={2}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('challenges.indicators.remove', { n })}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => add({ ...EMPTY_INDICATOR })}
            disabled={fields.length >= MAX_INDICATORS}
            block
          >
            {t('challenges.indicators.add')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}
