import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, fieldErrors } from '../api/client';
import { Field, useSubmission } from '../layout/Form';
import { searchPath, searchProblem } from './availableTickets';

/** Searches the titles; the search goes in the URL (`/?q=…`), so it survives a reload and Back returns to the last one. */
export function TicketSearch({ search }: { search: string }) {
  const navigate = useNavigate();
  const [typed, setTyped] = useState(search);
  const { form, submit, error } = useSubmission(async () => {
    const problem = searchProblem(typed);
    if (problem) throw new ApiError(400, [{ field: 'q', message: problem }]);
    navigate(searchPath(typed));
  });

  return (
    <form ref={form} role="search" className="search" onSubmit={submit} noValidate>
      <Field id="search" label="Search by title" type="search" value={typed} onChange={setTyped} errors={fieldErrors(error, 'q')}>
        <button type="submit" className="secondary">
          Search
        </button>
      </Field>
    </form>
  );
}
