/** How a status reads: a word, not a code, and a tone that does not alarm about what went as expected. */
export interface StatusWords {
  label: string;
  tone: 'ok' | 'pending' | 'neutral' | 'danger';
  /** One sentence on why, when the label alone does not say. */
  detail?: string;
}

export function StatusBadge({ words }: { words: StatusWords }) {
  return <span className={`status status-${words.tone}`}>{words.label}</span>;
}
