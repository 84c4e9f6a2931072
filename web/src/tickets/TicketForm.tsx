import { useState, type FormEvent } from 'react';
import { asApiError, fieldErrors, generalErrors, type ApiError } from '../api/client';
import { ErrorSummary, FieldErrors } from '../layout/FormErrors';

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
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ title, price: price.trim() });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const titleId = `${idPrefix}-title`;
  const priceId = `${idPrefix}-price`;
  const titleErrors = fieldErrors(error, 'title');
  const priceErrors = fieldErrors(error, 'price');
  return (
    <form onSubmit={submit} noValidate>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary messages={generalErrors(error, FIELDS)} />
      <div className="field">
        <label htmlFor={titleId}>Title</label>
        <input
          id={titleId}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={titleErrors.length > 0}
          aria-describedby={titleErrors.length > 0 ? `${titleId}-errors` : undefined}
        />
        <FieldErrors id={`${titleId}-errors`} messages={titleErrors} />
      </div>
      <div className="field">
        <label htmlFor={priceId}>Price (USD)</label>
        <input
          id={priceId}
          inputMode="decimal"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          aria-invalid={priceErrors.length > 0}
          aria-describedby={priceErrors.length > 0 ? `${priceId}-errors` : undefined}
        />
        <FieldErrors id={`${priceId}-errors`} messages={priceErrors} />
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
