import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <div className="page">
      <div className="card empty">
        <h2>Page not found</h2>
        <p>
          Nothing lives at this address. <Link to="/runs">Go to your runs</Link>.
        </p>
      </div>
    </div>
  );
}
