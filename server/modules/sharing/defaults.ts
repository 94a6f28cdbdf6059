import type { OrganisationKind, SharingUse } from '../../../shared/sharing.ts';
import type { LegalBasisKey } from './schema.ts';

/**
 * The legal bases for sharing as the product seeds them (migration 0034 inserted the same rows
 * for the municipalities that existed; a municipality without rows reads these, version 0). The
 * texts are the product's own summary of the law as docs/SHARING.md describes it; every basis
 * starts unconfirmed until the municipality's lawyer has checked law, section and scope.
 */
export interface BasisValues {
  name_da: string;
  name_en: string;
  law: string;
  section: string;
  allows_da: string;
  allows_en: string;
  valid_from: string;
  valid_to: string | null;
  organisation_kinds: OrganisationKind[];
  uses: SharingUse[];
  requires_consent: boolean;
  confirmed: boolean;
}

/**
 * The uses each basis can ever cover, whatever the municipality edits: the value-leap rule is
 * one concrete disclosure and never standing access, § 115 a is the police informing relatives
 * (no partner's access at all), and § 12 b is a basis for counselling, not for sharing.
 */
export const PERMITTED_USES: Record<LegalBasisKey, readonly SharingUse[]> = {
  rpl_115_ssp: ['standing_access', 'single_disclosure'],
  rpl_115_psp: ['standing_access', 'single_disclosure'],
  rpl_115_ksp: ['standing_access', 'single_disclosure'],
  rpl_115a: [],
  value_leap: ['single_disclosure'],
  consent: ['standing_access', 'single_disclosure'],
  sel_12b: ['counselling'],
};

const RPL = 'Retsplejeloven';
const CRIME_PREVENTION_DA =
  'kun til kriminalitetsforebyggelse – aldrig til efterforskning – og kun det, der er nødvendigt for samarbejdet.';
const CRIME_PREVENTION_EN =
  'for crime prevention only – never for investigation – and only what the cooperation needs.';
/** Every kind of recipient organisation; a private provider on the municipality's behalf is a data processor, not a recipient. */
const RECIPIENTS: OrganisationKind[] = [
  'psychiatry',
  'police',
  'prison_probation',
  'school',
  'club',
  'housing_social_work',
  'jobcenter',
  'municipal_unit',
  'other_municipality',
  'other_authority',
];

/**
 * The day the current data protection regime (GDPR and databeskyttelsesloven) began: every
 * basis is read within it. It is not each provision's own date of entry into force, which the
 * lawyer sets on confirming.
 */
const GDPR_DAY = '2018-05-25';

const base = {
  valid_from: GDPR_DAY,
  valid_to: null,
  requires_consent: false,
  confirmed: false,
} as const;

export const DEFAULT_BASES: Record<LegalBasisKey, BasisValues> = {
  rpl_115_ssp: {
    ...base,
    name_da: 'SSP-samarbejdet (skole, socialforvaltning og politi)',
    name_en: 'The SSP cooperation (school, social services and police)',
    law: RPL,
    section: '§ 115',
    allows_da: `Politiet og kommunens sociale myndigheder kan uden samtykke udveksle oplysninger om enkeltpersoner i SSP-samarbejdet, både som stående adgang i samarbejdet og som enkelte videregivelser, ${CRIME_PREVENTION_DA}`,
    allows_en: `The police and the municipality's social services may exchange information about individuals in the SSP cooperation without consent, as standing access in the cooperation and as single disclosures, ${CRIME_PREVENTION_EN}`,

    organisation_kinds: ['police', 'municipal_unit'],
    uses: ['standing_access', 'single_disclosure'],
  },
  rpl_115_psp: {
    ...base,
    name_da: 'PSP-samarbejdet (politi, socialforvaltning og psykiatri)',
    name_en: 'The PSP cooperation (police, social services and psychiatry)',
    law: RPL,
    section: '§ 115',
    allows_da: `Politiet, kommunens sociale myndigheder og psykiatrien kan uden samtykke udveksle oplysninger om personer med psykiske vanskeligheder i PSP-samarbejdet, ${CRIME_PREVENTION_DA}`,
    allows_en: `The police, the municipality's social services and psychiatry may exchange information about persons with mental health problems in the PSP cooperation without consent, ${CRIME_PREVENTION_EN}`,

    organisation_kinds: ['police', 'municipal_unit', 'psychiatry'],
    uses: ['standing_access', 'single_disclosure'],
  },
  rpl_115_ksp: {
    ...base,
    name_da: 'KSP-samarbejdet (Kriminalforsorgen, socialforvaltning og politi)',
    name_en: 'The KSP cooperation (prison and probation, social services and police)',
    law: RPL,
    section: '§ 115',
    allows_da: `Kriminalforsorgen, kommunens sociale myndigheder og politiet kan uden samtykke udveksle oplysninger om indsatte og prøveløsladte i KSP-samarbejdet, fx før en løsladelse, ${CRIME_PREVENTION_DA}`,
    allows_en: `Prison and probation, the municipality's social services and the police may exchange information about inmates and persons on parole in the KSP cooperation without consent, for instance before a release, ${CRIME_PREVENTION_EN}`,

    organisation_kinds: ['police', 'municipal_unit', 'prison_probation'],
    uses: ['standing_access', 'single_disclosure'],
  },
  rpl_115a: {
    ...base,
    name_da: 'Politiets orientering af forældre og nærtstående til en voksen',
    name_en: 'The police informing parents and close relatives of an adult',
    law: RPL,
    section: '§ 115 a',
    allows_da:
      'Politiet kan orientere forældre og andre nærtstående om en voksen, der er i risiko for radikalisering eller kriminalitet, når det er nødvendigt for at forebygge. Det er politiets videregivelse til familien – ikke en hjemmel til, at en samarbejdspartner får adgang til en sag.',
    allows_en:
      "The police may inform parents and other close relatives about an adult at risk of radicalisation or crime when needed to prevent it. It is the police's disclosure to the family – not a basis for a partner's access to a case.",

    organisation_kinds: [],
    uses: [],
  },
  value_leap: {
    ...base,
    name_da: 'Værdispringsreglen',
    name_en: 'The value-leap rule',
    law: 'Databeskyttelsesloven og forvaltningsloven',
    section: '§ 8 og § 28',
    allows_da:
      'Én konkret videregivelse uden samtykke, når den offentlige eller private interesse klart overstiger hensynet til den person, oplysningerne handler om. Vurderingen skal foretages og begrundes hver gang; reglen giver aldrig stående adgang.',
    allows_en:
      'One concrete disclosure without consent when the public or private interest clearly outweighs the interest of the person the information is about. The assessment is made and reasoned each time; the rule never gives standing access.',

    organisation_kinds: RECIPIENTS,
    uses: ['single_disclosure'],
  },
  consent: {
    ...base,
    name_da: 'Samtykke fra borgeren (eller forældremyndighedens indehavere)',
    name_en: 'Consent of the citizen (or the custody holders)',
    law: 'Databeskyttelsesforordningen',
    section: 'art. 6, stk. 1, litra a, og art. 9, stk. 2, litra a',
    allows_da:
      'Deling med de organisationer og af de kategorier af oplysninger, samtykket nævner, til det formål og i den periode, det gælder. Kræver et gyldigt samtykke, der kan trækkes tilbage når som helst med virkning fra samme øjeblik.',
    allows_en:
      'Sharing with the organisations and of the categories of information the consent names, for its purpose and period. Needs a valid consent, which can be withdrawn at any time with immediate effect.',

    organisation_kinds: RECIPIENTS,
    uses: ['standing_access', 'single_disclosure'],
    requires_consent: true,
  },
  sel_12b: {
    ...base,
    name_da: 'Gratis rådgivning til voksne i risiko for radikalisering',
    name_en: 'Free counselling for adults at risk of radicalisation',
    law: 'Serviceloven',
    section: '§ 12 b',
    allows_da:
      'Kommunen kan tilbyde en voksen rådgivning for at forebygge radikalisering og ekstremisme, kun med borgerens samtykke. Det er en hjemmel til rådgivning – ikke til at dele oplysninger med andre.',
    allows_en:
      "The municipality may offer an adult counselling to prevent radicalisation and extremism, only with the citizen's consent. It is a basis for counselling – not for sharing information with others.",

    organisation_kinds: ['municipal_unit', 'private_provider'],
    uses: ['counselling'],
    requires_consent: true,
  },
};
