import type { ReactNode } from "react";

export type EmptyStateProps = {
  title: string;
  description?: ReactNode;
  /** A link or button that gets the user going. */
  action?: ReactNode;
  icon?: ReactNode;
  /** The heading level that fits the page's outline. */
  headingLevel?: "h1" | "h2" | "h3";
};

/** What a page or list shows when there is nothing to show, and what to do about it. */
export function EmptyState({
  title,
  description,
  action,
  icon,
  headingLevel: Heading = "h2",
}: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center rounded-2xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center">
      {icon ? (
        <div
          aria-hidden="true"
          className="mb-3 flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-700"
        >
          {icon}
        </div>
      ) : null}
      <Heading className="text-base font-semibold text-stone-900">{title}</Heading>
      {description ? <p className="mt-1 max-w-sm text-sm text-stone-600">{description}</p> : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
