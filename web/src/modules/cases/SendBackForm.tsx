import type { z } from 'zod';
import { Form, TextArea, useZodForm } from '../../ui/form';

/** The server's body of a sending back, without what the form does not hold (the version). */
type CommentSchema = z.ZodType<{ comment: string }, { comment: string }>;

const COMMENT_MAX = 2000;

/**
 * A coordinator sends a proposal back (a submitted plan, a closure proposal): the required
 * comment, checked with the server's reject body, and the button. Emptied once it is sent.
 */
export function SendBackForm({
  id,
  schema,
  summary,
  onSend,
  error,
  errorTitle,
  label,
  hint,
  submit,
  disabled,
}: {
  id: string;
  schema: CommentSchema;
  /** Without the error summary (see `<Form>`). */
  summary?: boolean;
  /** The save's promise (`mutation.mutateAsync`), so the server's problems reach the field. */
  onSend: (comment: string) => Promise<unknown>;
  error: unknown;
  errorTitle: string;
  label: string;
  hint: string;
  submit: string;
  disabled: boolean;
}) {
  const form = useZodForm(schema, { defaultValues: { comment: '' } });
  return (
    <Form
      id={id}
      form={form}
      summary={summary}
      onSubmit={(values) => onSend(values.comment).then(() => form.reset())}
      error={error}
      errorTitle={errorTitle}
    >
      <TextArea name="comment" label={label} hint={hint} rows={3} maxLength={COMMENT_MAX} />
      <button type="submit" className="button button-secondary" disabled={disabled}>
        {submit}
      </button>
    </Form>
  );
}
