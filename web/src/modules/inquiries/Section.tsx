import { useId, type ReactNode } from 'react';

/**
 * A part of an inquiry page or form, named by its heading (an h2 that looks like an h3): a panel
 * of the inquiry page (`inquiry-panel`) or a section of the intake form (`inquiry-form-section`).
 * Give `headingId` to move focus to the heading after a save.
 */
export function Section({
  title,
  className,
  headingId,
  children,
}: {
  title: string;
  className: 'inquiry-panel' | 'inquiry-form-section';
  headingId?: string;
  children: ReactNode;
}) {
  const generated = useId();
  const id = headingId ?? generated;
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="h3">
        {title}
      </h2>
      {children}
    </section>
  );
}
