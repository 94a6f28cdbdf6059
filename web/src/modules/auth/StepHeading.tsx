import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';

/** Each login step is a page of its own to the user: its own h1 and browser title. */
export function StepHeading({ title }: { title: string }) {
  usePageTitle(title);
  return <PageHeading>{title}</PageHeading>;
}
