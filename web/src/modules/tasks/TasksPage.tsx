import { PlaceholderPage } from '../placeholders/PlaceholderPage';

/** My tasks (/opgaver); filled in by issue 5. */
export function TasksPage() {
  return <PlaceholderPage capability="tasks" />;
}
