import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../cases/format';

/**
 * A search of the data-protection pages sent in a request body (the CPR number never in the
 * address), a page at a time: `search(values)` shows the first page, `more()` appends the next
 * one for the same values. Used by the disclosure register and the citizen's trail.
 */
interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

export function useSearchPages<Values, Result extends Page<unknown>>(
  fetchPage: (values: Values, after?: string | null) => Promise<Result>,
) {
  const [searched, setSearched] = useState<Values | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const mutation = useMutation({
    mutationFn: ({ values, after }: { values: Values; after?: string | null }) =>
      fetchPage(values, after),
    onSuccess: (page, { after }) =>
      setResult((previous) =>
        after && previous ? { ...page, items: [...previous.items, ...page.items] } : page,
      ),
  });
  return {
    result,
    mutation,
    search: async (values: Values) => {
      setSearched(values);
      await mutation.mutateAsync({ values });
    },
    /** The next page for the values searched, when there is one. */
    more:
      result?.nextCursor && searched
        ? () => void mutation.mutateAsync({ values: searched, after: result.nextCursor })
        : null,
  };
}

/** "Fundet: Name (dd.mm.åååå), …" for the persons a CPR number matched. */
export function PersonsFound({
  persons,
}: {
  persons: { name: string; birthDate: string | null }[];
}) {
  const { t } = useTranslation();
  return (
    <p>
      {t('disclosures.register.personsFound', {
        persons: persons
          .map((p) => (p.birthDate ? `${p.name} (${formatDate(p.birthDate)})` : p.name))
          .join(', '),
      })}
    </p>
  );
}

/** "Vis flere" under a search's results. */
export function MoreButton({ more, pending }: { more: (() => void) | null; pending: boolean }) {
  const { t } = useTranslation();
  if (!more) return null;
  return (
    <button type="button" className="button button-secondary" disabled={pending} onClick={more}>
      {t('disclosures.register.more')}
    </button>
  );
}
