import { useState } from 'react';
import { ApiError, fieldErrors, generalErrors } from '../api/client';
import { Field, useSubmission } from '../layout/Form';
import { ErrorSummary } from '../layout/FormErrors';
import { draftProblems, priceToSend, type TicketDraft } from './ticketDraft';

const FIELDS = ['title', 'price'] as const;

interface Props {
  initial: TicketDraft;
  submitLabel: string;
  onSubmit: (draft: TicketDraft) => Promise<void>;
  /** Shown above the form, e.g. why the last save was refused. */
  notice?: string | null;
  idPrefix?: string;
}

export function TicketForm({ initial, submitLabel, onSubmit, notice, idPrefix = 'ticket' }: Props) {
  const [title, setTitle] = useState(initial.title);
  const [price, setPrice] = useState(initial.price);
  const { form, submit, busy, error } = useSubmission(async () => {
    const problems = draftProblems({ title, price });
    // Shaped as the API's 400, so it shows just as the API's answer would.
    if (problems.length > 0) throw new ApiError(400, problems);
    await onSubmit({ title, price: priceToSend(price) });
  });

  return (
    <form ref={form} onSubmit={submit} noValidate>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary messages={generalErrors(error, FIELDS)} />
      <Field
        id={`${idPrefix}-title`}
        label="Title"
        value={title}
        onChange={setTitle}
        errors={fieldErrors(error, 'title')}
      />
      <Field
        id={`${idPrefix}-price`}
        label="Price (USD)"
        inputMode="decimal"
        value={price}
        onChange={setPrice}
        errors={fieldErrors(error, 'price')}
      />
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
