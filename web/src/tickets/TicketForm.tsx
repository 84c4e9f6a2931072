import { useState } from 'react';
import { fieldErrors, generalErrors } from '../api/client';
import { Field, useSubmission } from '../layout/Form';
import { ErrorSummary } from '../layout/FormErrors';

export interface TicketDraft {
  title: string;
  /** As typed: the API accepts numeric strings and says what is wrong with the rest. */
  price: string;
}

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
  const { submit, busy, error } = useSubmission(() => onSubmit({ title, price: price.trim() }));

  return (
    <form onSubmit={submit} noValidate>
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
