import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { ErrorAlert } from './ErrorAlert';
import { Icon } from './Icon';

/** A form field as the server names it (`body.username`) and as the page shows it. */
export interface FormField {
  name: string;
  id: string;
  label: string;
}

/** The server's message for each field it rejected, by the field's server name. */
export function fieldErrors(error: unknown): Record<string, string> {
  const messages: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const field of error.fields) messages[field.field] ??= field.message;
  }
  return messages;
}

interface FormErrorProps {
  /** The failed request's error, or null when there is nothing to show. */
  error: unknown;
  fields: FormField[];
  /** Heading of the alert for errors that are not about a field, e.g. "You were not logged in". */
  title: string;
}

/**
 * Superseded by `<Form>` of the one form layer (./form), which puts the server's problems on the
 * fields and shows the error summary itself; kept while modules move to it.
 *
 * What went wrong with a form: a dkfds error summary linking to each rejected field when the
 * server named fields, otherwise an error alert with the server's (translated) message.
 */
export function FormError({ error, fields, title }: FormErrorProps) {
  if (!error) return null;
  if (error instanceof ApiError && error.fields.length > 0) {
    return <ErrorSummary error={error} fields={fields} />;
  }
  return <ErrorAlert title={title} error={error} headingLevel="h2" />;
}

function ErrorSummary({ error, fields }: { error: ApiError; fields: FormField[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  // Move focus to the summary, so keyboard and screen reader users start at the problems.
  useEffect(() => ref.current?.focus(), [error]);

  // Focus the field without changing the address (which would drop the router state).
  const goToField = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };

  return (
    <div ref={ref} className="alert alert-error" role="alert" tabIndex={-1}>
      <Icon name="error" className="alert-icon" />
      <div className="alert-body">
        <h2 className="alert-heading">{t('form.errorSummaryHeading')}</h2>
        <ul className="alert-text nobullet-list">
          {error.fields.map((problem, index) => {
            const field = fields.find((f) => f.name === problem.field);
            return (
              <li key={index}>
                {field ? (
                  <a
                    href={`#${field.id}`}
                    className="function-link"
                    onClick={(event) => goToField(event, field.id)}
                  >
                    {field.label}: {problem.message}
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
