import type { CaseDetail } from '../cases/casesApi';
import { ContactSection } from './ContactSection';

/**
 * "Kontakt og samtaler" on the case overview: the case's abilities (`citizenMeetings`, and the
 * compartment for its fields) and the members with the whole case, who may be named on a try.
 */
export function CaseContactSection({ detail }: { detail: CaseDetail }) {
  const { abilities } = detail;
  return (
    <ContactSection
      owner={{ kind: 'case', id: detail.id }}
      abilities={{
        read: abilities.citizenMeetings.read,
        write: abilities.citizenMeetings.write,
        compartment: abilities.compartment.write,
      }}
      colleagues={detail.members
        .filter((m) => m.scope === 'full')
        .map((m) => ({ id: m.userId, name: m.displayName }))}
    />
  );
}
