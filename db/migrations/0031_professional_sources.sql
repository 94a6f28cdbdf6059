-- Three more professional sources of an inquiry (issue 12): a daycare (dagtilbud), a doctor
-- (læge) and a health visitor (sundhedsplejerske). Each has the professionals' enhanced duty to
-- report under Barnets lov, so an inquiry from one about a child may be marked as a report
-- (PROFESSIONAL_SOURCES in server/modules/inquiries/schema-child-report.ts). The list must equal
-- SOURCES in shared/values.ts.
alter table inquiries drop constraint inquiries_source_check;
alter table inquiries add constraint inquiries_source_check check (source in (
  'relative', 'friend', 'mentor', 'housing_social_worker', 'teacher', 'daycare', 'doctor',
  'health_visitor', 'social_worker', 'police', 'other_municipality', 'national_hotline', 'self',
  'anonymous', 'other'
));
