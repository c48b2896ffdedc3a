import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section aria-labelledby="not-found">
      <h1 id="not-found">Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/malls">Go to the malls</Link>.
      </p>
    </section>
  );
}
