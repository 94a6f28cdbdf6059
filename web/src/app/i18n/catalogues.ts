import appDa from './locales/da.json';
import appEn from './locales/en.json';
import adminDa from '../../modules/admin/locales/da.json';
import adminEn from '../../modules/admin/locales/en.json';
import authDa from '../../modules/auth/locales/da.json';
import authEn from '../../modules/auth/locales/en.json';
import casesDa from '../../modules/cases/locales/da.json';
import casesEn from '../../modules/cases/locales/en.json';
import forumsDa from '../../modules/forums/locales/da.json';
import forumsEn from '../../modules/forums/locales/en.json';
import agendaDa from '../../modules/meetings/locales-agenda/da.json';
import agendaEn from '../../modules/meetings/locales-agenda/en.json';
import inquiriesDa from '../../modules/inquiries/locales/da.json';
import inquiriesEn from '../../modules/inquiries/locales/en.json';
import interventionsDa from '../../modules/interventions/locales/da.json';
import interventionsEn from '../../modules/interventions/locales/en.json';
import notificationsDa from '../../modules/notifications/locales/da.json';
import notificationsEn from '../../modules/notifications/locales/en.json';
import personsDa from '../../modules/persons/locales/da.json';
import personsEn from '../../modules/persons/locales/en.json';
import assessmentsDa from '../../modules/assessments/locales/da.json';
import assessmentsEn from '../../modules/assessments/locales/en.json';
import plansDa from '../../modules/plans/locales/da.json';
import plansEn from '../../modules/plans/locales/en.json';
import caseInterventionsDa from '../../modules/case-interventions/locales/da.json';
import caseInterventionsEn from '../../modules/case-interventions/locales/en.json';
import followUpsDa from '../../modules/follow-ups/locales/da.json';
import followUpsEn from '../../modules/follow-ups/locales/en.json';
import closureDa from '../../modules/closure/locales/da.json';
import closureEn from '../../modules/closure/locales/en.json';
import tasksDa from '../../modules/tasks/locales/da.json';
import tasksEn from '../../modules/tasks/locales/en.json';
import policeFeedbackDa from '../../modules/police-feedback/locales/da.json';
import policeFeedbackEn from '../../modules/police-feedback/locales/en.json';
import filingDa from '../../modules/filing/locales/da.json';
import filingEn from '../../modules/filing/locales/en.json';
import sharingDa from '../../modules/sharing/locales/da.json';
import sharingEn from '../../modules/sharing/locales/en.json';
import disclosuresDa from '../../modules/disclosures/locales/da.json';
import disclosuresEn from '../../modules/disclosures/locales/en.json';
import noticeDa from '../../modules/notice/locales/da.json';
import noticeEn from '../../modules/notice/locales/en.json';
import citizenMeetingsDa from '../../modules/citizen-meetings/locales/da.json';
import citizenMeetingsEn from '../../modules/citizen-meetings/locales/en.json';
import retentionDa from '../../modules/retention/locales/da.json';
import retentionEn from '../../modules/retention/locales/en.json';
import accessRequestsDa from '../../modules/access-requests/locales/da.json';
import accessRequestsEn from '../../modules/access-requests/locales/en.json';
import partnersDa from '../../modules/partners/locales/da.json';
import partnersEn from '../../modules/partners/locales/en.json';
import transfersDa from '../../modules/transfers/locales/da.json';
import transfersEn from '../../modules/transfers/locales/en.json';
import meetingsDa from '../../modules/meetings/locales/da.json';
import meetingsEn from '../../modules/meetings/locales/en.json';
import minutesDa from '../../modules/meetings/locales/minutes-da.json';
import minutesEn from '../../modules/meetings/locales/minutes-en.json';
import networkMapsDa from '../../modules/network-maps/locales/da.json';
import networkMapsEn from '../../modules/network-maps/locales/en.json';
import guidanceDa from '../../modules/guidance/locales/da.json';
import guidanceEn from '../../modules/guidance/locales/en.json';
import housingAreasDa from '../../modules/housing-areas/locales/da.json';
import housingAreasEn from '../../modules/housing-areas/locales/en.json';
import areaMapDa from '../../modules/housing-areas/map/locales/da.json';
import areaMapEn from '../../modules/housing-areas/map/locales/en.json';
import areaRoundsDa from '../../modules/area-rounds/locales/da.json';
import areaRoundsEn from '../../modules/area-rounds/locales/en.json';
import areaPlansDa from '../../modules/area-plans/locales/da.json';
import areaPlansEn from '../../modules/area-plans/locales/en.json';
import areaWorkDa from '../../modules/area-work/locales/da.json';
import areaWorkEn from '../../modules/area-work/locales/en.json';
import implementationDa from '../../modules/implementation/locales/da.json';
import implementationEn from '../../modules/implementation/locales/en.json';

/**
 * The translation catalogues: the shell's texts (./locales) plus one pair of files per module
 * (web/src/modules/<module>/locales/{da,en}.json), each under its own top-level key so modules
 * never edit each other's texts. A new module adds its two imports here.
 */
export const da = {
  ...appDa,
  ...adminDa,
  ...authDa,
  ...casesDa,
  ...forumsDa,
  ...agendaDa,
  ...inquiriesDa,
  ...interventionsDa,
  ...notificationsDa,
  ...personsDa,
  ...assessmentsDa,
  ...plansDa,
  ...caseInterventionsDa,
  ...followUpsDa,
  ...closureDa,
  ...tasksDa,
  ...policeFeedbackDa,
  ...filingDa,
  ...sharingDa,
  ...disclosuresDa,
  ...noticeDa,
  ...retentionDa,
  ...accessRequestsDa,
  ...partnersDa,
  ...transfersDa,
  ...citizenMeetingsDa,
  ...meetingsDa,
  ...minutesDa,
  ...networkMapsDa,
  ...guidanceDa,
  ...housingAreasDa,
  ...areaMapDa,
  ...areaRoundsDa,
  ...areaPlansDa,
  ...areaWorkDa,
  ...implementationDa,
};

export const en = {
  ...appEn,
  ...adminEn,
  ...authEn,
  ...casesEn,
  ...forumsEn,
  ...agendaEn,
  ...inquiriesEn,
  ...interventionsEn,
  ...notificationsEn,
  ...personsEn,
  ...assessmentsEn,
  ...plansEn,
  ...caseInterventionsEn,
  ...followUpsEn,
  ...closureEn,
  ...tasksEn,
  ...policeFeedbackEn,
  ...filingEn,
  ...sharingEn,
  ...disclosuresEn,
  ...noticeEn,
  ...retentionEn,
  ...accessRequestsEn,
  ...partnersEn,
  ...transfersEn,
  ...citizenMeetingsEn,
  ...meetingsEn,
  ...minutesEn,
  ...networkMapsEn,
  ...guidanceEn,
  ...housingAreasEn,
  ...areaMapEn,
  ...areaRoundsEn,
  ...areaPlansEn,
  ...areaWorkEn,
  ...implementationEn,
} satisfies Record<keyof typeof da, unknown>;
