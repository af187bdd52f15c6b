import { Component, type ReactNode } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';

/** Shows a page's render error as a message instead of a blank page. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="page">
          <ErrorNotice error={this.state.error} title="This page failed" onRetry={() => this.setState({ error: null })} />
        </div>
      );
    }
    return this.props.children;
  }
}
