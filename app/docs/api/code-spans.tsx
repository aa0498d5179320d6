/**
 * Text from the OpenAPI document with its Markdown code spans (`like this`) as <code>, so the
 * page shows code as code instead of raw backticks. Only code spans: the descriptions use no
 * other Markdown, and a full parser would be more than this page needs.
 */
export function CodeSpans({ text }: { text: string }) {
  // split with a capture group: odd indexes are the code spans' contents.
  const parts = text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.9em]">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
