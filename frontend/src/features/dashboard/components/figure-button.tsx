import { Button } from 'antd';
import type { ReactNode } from 'react';

import { useI18n } from '@/i18n/i18n';

import type { DrillTarget } from '../api/get-drilldown';

export interface FigureButtonProps {
  target: DrillTarget;
  /** What the figure is, for the screen-reader hint ("查看南浔区的合同"). */
  label: string;
  onDrill: (target: DrillTarget) => void;
  children: ReactNode;
  strong?: boolean;
}

/** A figure on the dashboard that opens the list of contracts behind it. */
export function FigureButton({ target, label, onDrill, children, strong }: FigureButtonProps) {
  const { t } = useI18n();
  return (
    <Button
      type="link"
      size="small"
      onClick={() => onDrill(target)}
      title={t('dashboard.drill.hint', { label })}
      style={{ padding: 0, height: 'auto', fontWeight: strong ? 600 : undefined, fontSize: strong ? 'inherit' : undefined }}
      data-testid="figure"
    >
      {children}
      <span className="sr-only">{t('dashboard.drill.srHint', { label })}</span>
    </Button>
  );
}
