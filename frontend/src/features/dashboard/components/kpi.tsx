import type { ReactNode } from 'react';

/** One figure of a card: its label, the value and an optional hint under it (inside a <dl>). */
export function Kpi({ label, children, hint, testId }: { label: string; children: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <dt style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>{label}</dt>
      <dd style={{ margin: 0, fontSize: 20, fontWeight: 600, lineHeight: 1.4, wordBreak: 'break-word' }}>{children}</dd>
      {hint ? <dd style={{ margin: 0, fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{hint}</dd> : null}
    </div>
  );
}
