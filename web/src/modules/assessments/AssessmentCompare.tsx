import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Checkbox, Form, Select, useZodForm } from '../../ui/form';
import { CompactTable } from '../../ui/Table';
import { differs, rowsFor, useFieldRows } from './assessmentFields';
import { FieldValueText } from './AssessmentView';
import type { Assessment } from './assessmentsApi';

/** What is compared: a version (by id; the newest comparable one at first), all fields or changes. */
const CompareChoice = z.object({ chosenId: z.string(), onlyChanges: z.boolean() });

/**
 * "What changed since the last assessment": a version next to the final one it started from,
 * field by field, each changed field marked in words ("Ændret"), not by colour alone; a toggle
 * shows the changed fields only. A compartment field the reader may not see is shown as the
 * neutral note on both sides and never marked.
 */
export function AssessmentCompare({ items }: { items: Assessment[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const rows = useFieldRows();
  const byId = new Map(items.map((a) => [a.id, a]));
  const comparable = items.filter((a) => a.basedOnId && byId.has(a.basedOnId));
  const form = useZodForm(CompareChoice, {
    defaultValues: { chosenId: comparable[0]?.id ?? '', onlyChanges: false },
  });
  const [chosenId, onlyChanges] = useWatch({
    control: form.control,
    name: ['chosenId', 'onlyChanges'],
  });

  const current = comparable.find((a) => a.id === chosenId) ?? comparable[0];
  const previous = current?.basedOnId ? byId.get(current.basedOnId) : undefined;

  return (
    <section aria-labelledby={headingId} className="case-section assessment-compare">
      <h3 id={headingId}>{t('assessments.compare.heading')}</h3>
      {!current || !previous ? (
        <p>{t('assessments.compare.nothingToCompare')}</p>
      ) : (
        <>
          <Form id={`${headingId}-choice`} form={form} summary={false} onSubmit={() => undefined}>
            {comparable.length > 1 && (
              <Select name="chosenId" label={t('assessments.compare.choose')}>
                {comparable.map((a) => (
                  <option key={a.id} value={a.id}>
                    {t('assessments.compare.option', {
                      number: a.number,
                      status: t(`assessments.status.${a.status}`),
                      previous: byId.get(a.basedOnId ?? '')?.number ?? '',
                    })}
                  </option>
                ))}
              </Select>
            )}
            <Checkbox name="onlyChanges" label={t('assessments.compare.onlyChanges')} />
          </Form>
          <CompareTable
            rows={rows}
            previous={previous}
            current={current}
            onlyChanges={onlyChanges}
          />
        </>
      )}
    </section>
  );
}

function CompareTable({
  rows,
  previous,
  current,
  onlyChanges,
}: {
  rows: ReturnType<typeof useFieldRows>;
  previous: Assessment;
  current: Assessment;
  onlyChanges: boolean;
}) {
  const { t } = useTranslation();
  const compared = rowsFor(rows, previous, current).map((row) => {
    const before = row.value(previous);
    const after = row.value(current);
    const changed = before !== undefined && after !== undefined && differs(before, after);
    return { row, before, after, changed };
  });
  const shown = onlyChanges ? compared.filter((c) => c.changed) : compared;
  const changedCount = compared.filter((c) => c.changed).length;

  return (
    <>
      <p role="status">
        {changedCount === 0
          ? t('assessments.compare.noChanges')
          : changedCount === 1
            ? t('assessments.compare.changedOne')
            : t('assessments.compare.changedMany', { count: changedCount })}
      </p>
      {shown.length > 0 && (
        <CompactTable
          className="assessment-compare-table"
          caption={t('assessments.compare.caption', {
            previous: previous.number,
            current: current.number,
          })}
          columns={[
            t('assessments.compare.field'),
            t('assessments.compare.previous', { number: previous.number }),
            t('assessments.compare.this', { number: current.number }),
          ]}
        >
          {shown.map(({ row, before, after, changed }) => (
            <tr key={row.key} className={changed ? 'assessment-changed' : undefined}>
              <th scope="row">
                {row.dimension && (
                  <span className="assessment-compare-dimension">{row.dimension}: </span>
                )}
                {row.label}
                {changed && (
                  <>
                    {' '}
                    <span className="badge badge-info assessment-changed-marker">
                      {t('assessments.compare.changed')}
                    </span>
                  </>
                )}
              </th>
              <td>
                <FieldValueText value={before} />
              </td>
              <td>
                <FieldValueText value={after} />
              </td>
            </tr>
          ))}
        </CompactTable>
      )}
    </>
  );
}
