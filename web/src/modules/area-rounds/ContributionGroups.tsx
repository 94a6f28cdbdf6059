import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import {
  CONTRIBUTION_CATEGORIES,
  deleteContribution,
  roundsKey,
  type Contribution,
  type RoundDetail,
  type SignCode,
} from './roundsApi';

type Part = RoundDetail['parts'][number];

/** A level's name: the area itself, or the zone's or place's. */
export function levelName(partId: string | null, parts: Part[], areaWord: string): string {
  return partId === null ? areaWord : (parts.find((p) => p.id === partId)?.name ?? areaWord);
}

/**
 * A round's contributions grouped by level (the area, then its zones and places) and, inside,
 * by category; challenge or resource said in words; the caller's own may be deleted while the
 * round is open.
 */
export function ContributionGroups({
  areaId,
  roundId,
  contributions,
  parts,
}: {
  areaId: string;
  roundId: string;
  contributions: Contribution[];
  parts: Part[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (c: Contribution) => deleteContribution(areaId, roundId, c.id, c.version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roundsKey(areaId) }),
  });
  if (contributions.length === 0) return <p>{t('areaRounds.round.noContributions')}</p>;
  const levels = [null, ...parts.map((p) => p.id)].filter((id) =>
    contributions.some((c) => c.partId === id),
  );
  return (
    <div className="area-round-contributions">
      {remove.error && (
        <ErrorAlert title={t('areaRounds.round.deleteFailed')} error={remove.error} />
      )}
      {levels.map((level) => (
        <section
          key={level ?? 'area'}
          aria-label={levelName(level, parts, t('areaRounds.level.area'))}
        >
          <h3>{levelName(level, parts, t('areaRounds.level.area'))}</h3>
          {CONTRIBUTION_CATEGORIES.filter((cat) =>
            contributions.some((c) => c.partId === level && c.category === cat),
          ).map((cat) => (
            <div key={cat}>
              <h4>{t(`areaRounds.category.${cat}`)}</h4>
              <ul className="nobullet-list">
                {contributions
                  .filter((c) => c.partId === level && c.category === cat)
                  .map((c) => (
                    <li key={c.id}>
                      <strong>{c.label}</strong> ({t(`areaRounds.stance.${c.stance}`)})
                      {c.sign && ` – ${t(`areaRounds.sign.${c.sign as SignCode}`)}`}
                      {c.description && <p>{c.description}</p>}
                      {c.howToReach && (
                        <p>
                          {t('areaRounds.form.howToReach')}: {c.howToReach}
                        </p>
                      )}
                      {c.contributorName && (
                        <p className="form-hint">
                          {t('areaRounds.round.by', { name: c.contributorName })}
                        </p>
                      )}
                      {c.abilities.delete && (
                        <button
                          type="button"
                          className="button button-tertiary"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate(c)}
                        >
                          {t('areaRounds.round.delete', { label: c.label })}
                        </button>
                      )}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
