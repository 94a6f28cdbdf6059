import type { z } from 'zod';
import type {
  AcknowledgeBody,
  ImmediateHelpBody,
  MarkChildReportBody,
} from '../../../../server/modules/inquiries/schema-child-report.ts';
import { apiSend } from '../../app/api';
import type { InquiryDetail } from './inquiriesApi';

/** The report about a child (underretning efter Barnets lov) of an inquiry: its three changes. */
export type ChildReport = InquiryDetail['childReport'];

export const markChildReport = (id: string, body: z.input<typeof MarkChildReportBody>) =>
  apiSend<InquiryDetail>('POST', `/api/inquiries/${id}/child-report`, body);
export const assessImmediateHelp = (id: string, body: z.input<typeof ImmediateHelpBody>) =>
  apiSend<InquiryDetail>('POST', `/api/inquiries/${id}/immediate-help`, body);
export const acknowledgeReport = (id: string, body: z.input<typeof AcknowledgeBody>) =>
  apiSend<InquiryDetail>('POST', `/api/inquiries/${id}/acknowledgement`, body);
export const acknowledgementUrl = (id: string) => `/api/inquiries/${id}/acknowledgement.pdf`;
