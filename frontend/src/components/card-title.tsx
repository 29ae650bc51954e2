import type { ReactNode } from 'react';

/** A card's title as a real heading (h2 under the page's h1), so the page can be browsed by headings. */
export function CardTitle({ children, level = 2 }: { children: ReactNode; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return <Heading style={{ fontSize: 16, fontWeight: 600, margin: 0, whiteSpace: 'normal' }}>{children}</Heading>;
}
