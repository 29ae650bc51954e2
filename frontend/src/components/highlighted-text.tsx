import { highlightSegments } from '@/utils/highlight';

/** `text` with every occurrence of `terms` in a <mark> (see utils/highlight.ts for the rules). */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  const segments = highlightSegments(text, terms);
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="term-hit" data-testid="term-hit">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
