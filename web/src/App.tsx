import { Link, Route, Routes } from 'react-router-dom';
import { ConfigProvider } from './api/config';
import { EventsProvider } from './api/events';
import { Header } from './layout/Header';
import { NavigationFocusProvider, PageHeading, usePageTitle } from './layout/Page';
import { MyOrdersPage } from './orders/MyOrdersPage';
import { OrderPage } from './orders/OrderPage';
import { PayoutsReturnPage } from './payouts/PayoutsReturnPage';
import { SalesPage } from './payouts/SalesPage';
import { SellTicketPage } from './tickets/SellTicketPage';
import { TicketListPage } from './tickets/TicketListPage';
import { TicketPage } from './tickets/TicketPage';
import { SignInPage } from './users/SignInPage';
import { SignUpPage } from './users/SignUpPage';
import { SessionProvider, useSession } from './users/session';

export function App() {
  return (
    <ConfigProvider>
      <SessionProvider>
        <LiveApp />
      </SessionProvider>
    </ConfigProvider>
  );
}

function LiveApp() {
  const { user, loading } = useSession();
  return (
    <EventsProvider userId={loading ? undefined : (user?.id ?? null)}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <NavigationFocusProvider>
          <Routes>
            <Route path="/" element={<TicketListPage />} />
            <Route path="/signup" element={<SignUpPage />} />
            <Route path="/signin" element={<SignInPage />} />
            <Route path="/tickets/new" element={<SellTicketPage />} />
            <Route path="/tickets/:id" element={<TicketPage />} />
            <Route path="/orders" element={<MyOrdersPage />} />
            <Route path="/orders/:id" element={<OrderPage />} />
            <Route path="/sales" element={<SalesPage />} />
            <Route path="/payouts/return" element={<PayoutsReturnPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </NavigationFocusProvider>
      </main>
    </EventsProvider>
  );
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <section className="narrow">
      <PageHeading>Page not found</PageHeading>
      <Link to="/">Back to the tickets</Link>
    </section>
  );
}
