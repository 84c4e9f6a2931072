import { useEffect } from 'react';
import { useConfig } from '../api/config';
import { formatTimeLeft, timeLeft } from './countdown';
import { useNow } from './useNow';

const POLL_MS = 1_000;
// The server expires an order at most 5 s after expiresAt; poll a little longer than that, then rely on events.
const POLL_FOR_MS = 15_000;

interface Props {
  expiresAt: string;
  /** Asks the server for the order again; called while the time is up but the order is still open. */
  onTimeUp: () => void;
}

export function Countdown({ expiresAt, onTimeUp }: Props) {
  const { clockOffsetMs } = useConfig();
  const now = useNow(250);
  const left = timeLeft(expiresAt, now, clockOffsetMs);
  const timeUp = left === 0;

  useEffect(() => {
    if (!timeUp) return;
    onTimeUp();
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > POLL_FOR_MS) clearInterval(timer);
      else onTimeUp();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [timeUp, onTimeUp]);

  return (
    <div className="countdown">
      <p role="timer" aria-live="off">
        Time left to pay: <strong>{formatTimeLeft(left)}</strong>
      </p>
      {timeUp && <p className="muted">Time is up; checking the order…</p>}
    </div>
  );
}
