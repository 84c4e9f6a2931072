import type { Order } from '../api/types';

export function StatusBadge({ status }: { status: Order['status'] }) {
  return <span className={`status status-${status.replace(':', '-')}`}>{status}</span>;
}
