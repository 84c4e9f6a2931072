import { useEffect, useRef, useState } from 'react';
import { useConfig } from '../api/config';
import { countdownAnnouncement, formatTimeLeft, timeLeft } from './countdown';
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
  const announcement = useAnnouncement(left);

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
      {/* The timer itself is silent; this says the milestones once, without interrupting. */}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {timeUp && <p className="muted">Time is up; checking the order…</p>}
    </div>
  );
}

/** The last milestone passed while the page was open ("5 minutes left to pay."). */
function useAnnouncement(left: number): string {
  const previous = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const words = previous.current === null ? null : countdownAnnouncement(previous.current, left);
    if (words) setAnnouncement(words);
    previous.current = left;
  }, [left]);
  return announcement;
}
