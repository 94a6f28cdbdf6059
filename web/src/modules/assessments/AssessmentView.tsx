import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import {
  rowsFor,
  useFieldRows,
  type FieldGroup,
  type FieldRow,
  type FieldValue,
} from './assessmentFields';
import type { Assessment } from './assessmentsApi';

/** A value as the page shows it: a list as a list, nothing as "not filled in". */
export function FieldValueText({ value }: { value: FieldValue | undefined }) {
  const { t } = useTranslation();
  if (value === undefined) {
    return <span className="assessment-hidden">{t('assessments.compartmentHidden')}</span>;
  }
  if (value === null || (Array.isArray(value) && value.length === 0)) {
    return <span className="assessment-empty">{t('assessments.notGiven')}</span>;
  }
  if (Array.isArray(value)) {
    return (
      <ul className="assessment-list">
        {value.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    );
  }
  return <span className="case-text">{value}</span>;
}

const GROUPS: FieldGroup[] = ['factors', 'citizen', 'judgement'];

/** The fields `rows` of the assessment as a list of labels and values. */
function FieldList({ rows, assessment }: { rows: FieldRow[]; assessment: Assessment }) {
  return (
    <dl className="case-facts">
      {rowsFor(rows, assessment).map((row) => (
        <Fragment key={row.key}>
          <dt>{row.label}</dt>
          <dd>
            <FieldValueText value={row.value(assessment)} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** One assessment, read only: the nine dimensions with both lenses, then the other fields. */
export function AssessmentView({
  assessment,
  headingLevel = 'h4',
}: {
  assessment: Assessment;
  headingLevel?: 'h3' | 'h4' | 'h5';
}) {
  const { t } = useTranslation();
  const rows = useFieldRows();
  const Heading = headingLevel;
  const byDimension = new Map<string, FieldRow[]>();
  for (const row of rows.filter((r) => r.group === 'dimensions')) {
    const key = row.dimension ?? '';
    byDimension.set(key, [...(byDimension.get(key) ?? []), row]);
  }
  return (
    <div className="assessment-view">
      <Heading>{t('assessments.groups.dimensions')}</Heading>
      <div className="assessment-dimensions">
        {[...byDimension.entries()].map(([dimension, dimensionRows]) => (
          <div key={dimension} className="assessment-dimension">
            <p className="assessment-dimension-name">{dimension}</p>
            <FieldList rows={dimensionRows} assessment={assessment} />
          </div>
        ))}
      </div>
      {GROUPS.map((group) => (
        <div key={group}>
          <Heading>{t(`assessments.groups.${group}`)}</Heading>
          <FieldList rows={rows.filter((r) => r.group === group)} assessment={assessment} />
        </div>
      ))}
    </div>
  );
}
