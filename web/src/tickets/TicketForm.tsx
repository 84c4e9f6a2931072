import { useState } from 'react';
import { ApiError, fieldErrors, generalErrors } from '../api/client';
import { useConfig } from '../api/config';
import type { TicketRequest } from '../api/types';
import { Field, useSubmission } from '../layout/Form';
import { ErrorSummary } from '../layout/FormErrors';
import { draftProblems, draftToSend, type TicketDraft } from './ticketDraft';

const FIELDS = ['title', 'price', 'eventAt'] as const;
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Props {
  initial: TicketDraft;
  submitLabel: string;
  onSubmit: (request: TicketRequest) => Promise<void>;
  /** Shown above the form, e.g. why the last save was refused. */
  notice?: string | null;
  idPrefix?: string;
}

export function TicketForm({ initial, submitLabel, onSubmit, notice, idPrefix = 'ticket' }: Props) {
  const { clockOffsetMs } = useConfig();
  const [title, setTitle] = useState(initial.title);
  const [price, setPrice] = useState(initial.price);
  const [eventAt, setEventAt] = useState(initial.eventAt);
  const eventAtId = `${idPrefix}-event`;
  const eventAtInput = () => form.current?.querySelector<HTMLInputElement>(`#${eventAtId}`);
  const { form, submit, busy, error } = useSubmission(async () => {
    const draft = { title, price, eventAt };
    // A date-time input holding half a date gives "" as its value; only its validity tells.
    const eventAtIncomplete = eventAtInput()?.validity.badInput;
    const problems = draftProblems(draft, { initial, now: Date.now() + clockOffsetMs, eventAtIncomplete });
    // Shaped as the API's 400, so it shows just as the API's answer would.
    if (problems.length > 0) throw new ApiError(400, problems);
    await onSubmit(draftToSend(draft, initial));
  });

  function clearEventAt() {
    setEventAt('');
    // The button goes with the date: the focus goes back to the field rather than to the page.
    eventAtInput()?.focus();
  }

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
      <Field
        id={eventAtId}
        label="Event date (optional)"
        hint={`When the event starts, in your time zone (${TIME_ZONE}).`}
        type="datetime-local"
        value={eventAt}
        onChange={setEventAt}
        errors={fieldErrors(error, 'eventAt')}
      >
        {eventAt && (
          <button type="button" className="secondary" onClick={clearEventAt}>
            Clear date
          </button>
        )}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
