import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useConfig } from '../api/config';
import type { Payout, PayoutAccount, Sale } from '../api/types';
import { DateTime } from '../layout/DateTime';
import { ErrorMessage } from '../layout/FormErrors';
import { formatMinorUnits, formatPrice } from '../layout/format';
import { PageHeading, usePageTitle } from '../layout/Page';
import { PagedList } from '../layout/PagedList';
import { StatusBadge } from '../layout/StatusBadge';
import { ticketStatusWords } from '../tickets/words';
import { RequireUser } from '../users/RequireUser';
import { useSession } from '../users/session';
import { SetUpAtOnce, SetUpPayouts } from './SetUpPayouts';
import { usePayoutAccount } from './usePayoutAccount';
import { useSales } from './useSales';
import { ACCOUNT_STATUS_WORDS, PAYOUT_STATUS_WORDS, payoutDate } from './words';

export function SalesPage() {
  usePageTitle('Sales');
  return (
    <RequireUser title="Sales" what="see what you sell and how you are paid">
      <section>
        <PageHeading>Sales</PageHeading>
        <PayoutAccountPanel />
        <Listings />
      </section>
    </RequireUser>
  );
}

function PayoutAccountPanel() {
  const { account, error, setUp } = usePayoutAccount();
  return (
    <section className="card panel" aria-labelledby="payout-account-heading">
      <h2 id="payout-account-heading">Payout account</h2>
      <ErrorMessage message={error} />
      {account ? <AccountState account={account} setUp={setUp} /> : !error && <p>Loading…</p>}
    </section>
  );
}

function AccountState({ account, setUp }: { account: PayoutAccount; setUp: () => Promise<PayoutAccount | null> }) {
  const [setUpNow, setSetUpNow] = useState(false);
  const words = ACCOUNT_STATUS_WORDS[account.status];
  return (
    <>
      <p>
        <StatusBadge words={words} /> {words.detail}
        {account.accountId && <span className="muted"> Stripe account {account.accountId}.</span>}
      </p>
      {account.status === 'active' ? (
        setUpNow && <SetUpAtOnce />
      ) : (
        <SetUpPayouts
          label={account.status === 'none' ? 'Set up payouts' : 'Continue setting up payouts'}
          setUp={setUp}
          onActive={() => setSetUpNow(true)}
        />
      )}
    </>
  );
}

function Listings() {
  const { user } = useSession();
  const sales = useSales(user?.id ?? '');
  return (
    <section aria-labelledby="listings-heading">
      <h2 id="listings-heading">Your listings</h2>
      <PagedList
        list={sales}
        label="Your listings"
        className="sale-list"
        noun={['listing', 'listings']}
        empty={
          <p>
            You have not listed any tickets yet. <Link to="/tickets/new">Sell a ticket</Link>.
          </p>
        }
      >
        {(sale) => <SaleRow key={sale.ticket.id} sale={sale} />}
      </PagedList>
    </section>
  );
}

function SaleRow({ sale: { ticket, payout } }: { sale: Sale }) {
  const { clockOffsetMs } = useConfig();
  return (
    <li className="card">
      <Link to={`/tickets/${ticket.id}`} className="ticket-title">
        {ticket.title}
      </Link>
      <span className="price">{formatPrice(ticket.price)}</span>
      <StatusBadge words={ticketStatusWords(ticket, Date.now() + clockOffsetMs)} />
      {ticket.eventAt && (
        <span className="reason">
          Event <DateTime iso={ticket.eventAt} />.
        </span>
      )}
      {payout ? (
        <PayoutLine payout={payout} />
      ) : (
        ticket.status === 'sold' && <span className="reason">Sold; the payout is being scheduled.</span>
      )}
    </li>
  );
}

function PayoutLine({ payout }: { payout: Payout }) {
  const words = PAYOUT_STATUS_WORDS[payout.status];
  const date = payoutDate(payout);
  return (
    <div className="payout">
      <p>
        You get <strong>{formatMinorUnits(payout.amount, payout.currency)}</strong> after the{' '}
        {formatMinorUnits(payout.fee, payout.currency)} fee.
      </p>
      <p>
        Payout: <StatusBadge words={words} />
        {date && (
          <>
            {' '}
            {date.label} <DateTime iso={date.iso} />
          </>
        )}
        .{words.detail && ` ${words.detail}`}
        {payout.transferId && (
          <>
            {' '}
            Stripe transfer <code>{payout.transferId}</code>.
          </>
        )}
      </p>
    </div>
  );
}
