import { useContext, useEffect, useId, useRef, type MouseEvent } from 'react';
import { useFormState, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon';
import { FormContext } from './FormContext';
import { shownMessage, type ShownProblem } from './messages';

/** One problem of a form: the field's path (`goals.0.text`, `root.server`) and its text. */
export interface FormProblem extends ShownProblem {
  name: string;
  message: string;
}

function isLeaf(node: object): node is ShownProblem & { message: string } {
  return 'message' in node && typeof node.message === 'string' && 'type' in node;
}

/** The form's problems in order, nested ones (`goals.0.text`) by their full path. */
export function formProblems(errors: FieldErrors, prefix = ''): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const [key, node] of Object.entries(errors)) {
    if (typeof node !== 'object' || node === null || key === 'ref') continue;
    const name = prefix ? `${prefix}.${key}` : key;
    if (isLeaf(node) && node.message) {
      problems.push({ name, message: node.message, type: String(node.type), types: node.types });
    } else if (!isLeaf(node)) problems.push(...formProblems(node as FieldErrors, name));
  }
  return problems;
}

/**
 * The dkfds error summary at the top of a form: "Der er problemer" and a link to each field with
 * a problem, which moves focus to the field. It takes focus each time `focusKey` changes (the
 * form does that after a failed submit), so keyboard and screen reader users start at the list.
 */
export function ErrorSummary({ focusKey }: { focusKey: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const context = useContext(FormContext);
  const { errors } = useFormState();
  const problems = formProblems(errors);
  const visible = problems.length > 0;

  // react-hook-form calls the failed submit's callback before it publishes the errors: focus
  // once this key's problems are shown.
  const focused = useRef(0);
  useEffect(() => {
    if (focusKey <= focused.current || !visible) return;
    focused.current = focusKey;
    ref.current?.focus();
  }, [focusKey, visible]);

  if (!visible) return null;

  // Focus the field without changing the address (which would drop the router state).
  const goTo = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    const field = document.getElementById(id);
    const label = field?.closest('fieldset')?.querySelector('legend') ?? field;
    label?.scrollIntoView?.({ block: 'center' });
    field?.focus({ preventScroll: true });
  };

  return (
    <div
      ref={ref}
      className="alert alert-error"
      role="alert"
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <Icon name="error" className="alert-icon" />
      <div className="alert-body">
        <h2 className="alert-heading" id={headingId}>
          {t('form.errorSummaryHeading')}
        </h2>
        <ul className="alert-text nobullet-list">
          {problems.map((problem) => {
            const field = context?.fields.get(problem.name);
            return (
              <li key={problem.name}>
                {field ? (
                  <a
                    href={`#${field.id}`}
                    className="function-link"
                    onClick={(event) => goTo(event, field.id)}
                  >
                    {field.label}: {shownMessage(problem, field)}
                  </a>
                ) : (
                  problem.message
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
