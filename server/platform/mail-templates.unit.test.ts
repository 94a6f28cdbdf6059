import { describe, expect, it } from 'vitest';
import {
  INVITATION_WORK_KINDS,
  composeAcknowledgementMail,
  composeInvitationMail,
} from './mail-templates.ts';

/**
 * The fixed texts of e-mails to people outside the system: built only from the municipality,
 * a reference, a day, a contact and a link, in Danish then English, with every placeholder
 * filled (a missing sentence would show its key, e.g. "mail.invitation.body").
 */
const RECEIVED = new Date('2026-03-01T23:30:00Z'); // 2 March in Copenhagen

describe('the acknowledgement e-mail to a reporting professional', () => {
  it('says the municipality received the report on the Danish day, with the reference and contact', () => {
    const mail = composeAcknowledgementMail({
      municipality: 'Aarhus Kommune',
      reference: 'H-2026-0042',
      receivedAt: RECEIVED,
      contact: { name: 'Mette Tovholder', email: 'mette@aarhus.example' },
    });
    expect(mail.subject).toBe('Kvittering for modtaget underretning – H-2026-0042');
    expect(mail.text).toContain(
      'Aarhus Kommune bekræfter, at vi har modtaget din underretning den 2. marts 2026. Vores reference er H-2026-0042.',
    );
    expect(mail.text).toContain('Kontakt: Mette Tovholder, mette@aarhus.example');
    expect(mail.text).toContain(
      'Aarhus Kommune confirms that we received your report on 2 March 2026. Our reference is H-2026-0042.',
    );
    expect(mail.text).not.toMatch(/\{\{|mail\./);
  });

  it('names the municipality as the contact when no contact person is known', () => {
    const mail = composeAcknowledgementMail({
      municipality: 'Aarhus Kommune',
      reference: 'H-2026-0042',
      receivedAt: RECEIVED,
      contact: { name: null, email: null },
    });
    expect(mail.text).toContain('Kontakt: Aarhus Kommune');
  });
});

describe('the invitation e-mail (partners, transfers)', () => {
  const base = {
    inviter: 'Mette Tovholder',
    municipality: 'Aarhus Kommune',
    link: 'https://tovholder.aarhus.example/invitationer/3b1f0c2e',
    expiresAt: new Date('2026-12-20T12:00:00Z'),
  };

  it('says who invites, to what kind of work, the link and until when, in Danish and English', () => {
    const mail = composeInvitationMail({ ...base, work: 'partner_collaboration' });
    expect(mail.subject).toBe('Invitation fra Aarhus Kommune til samarbejde om en sag');
    expect(mail.text).toContain(
      'Mette Tovholder, Aarhus Kommune, inviterer dig til samarbejde om en sag i Tovholder.',
    );
    expect(mail.text).toContain(
      `Tag imod invitationen her: ${base.link} (linket virker til og med 20. december 2026).`,
    );
    expect(mail.text).toContain('invites you to work together on a case in Tovholder.');
    expect(mail.text).toContain('until and including 20 December 2026');
  });

  it('has a text for every kind of work, with every placeholder filled', () => {
    for (const work of INVITATION_WORK_KINDS) {
      const mail = composeInvitationMail({ ...base, work });
      expect(`${mail.subject}\n${mail.text}`).not.toMatch(/\{\{|mail\.invitation/);
    }
    expect(composeInvitationMail({ ...base, work: 'case_transfer' }).subject).toBe(
      'Invitation fra Aarhus Kommune til at overtage en sag',
    );
  });

  it('without an end date (a case transfer waits until answered) says how to answer, no date', () => {
    const mail = composeInvitationMail({ ...base, work: 'case_transfer', expiresAt: null });
    expect(mail.text).toContain(
      `Se og besvar invitationen her, når du er logget ind: ${base.link}`,
    );
    expect(mail.text).toContain(
      `See and answer the invitation here once you have signed in: ${base.link}`,
    );
    expect(mail.text).not.toMatch(/\{\{|mail\.invitation|linket virker/);
  });

  it('refuses a link that is not https (a link must not leak over plain http)', () => {
    expect(() =>
      composeInvitationMail({ ...base, work: 'case_transfer', link: 'http://tovholder.example/x' }),
    ).toThrow();
    expect(() =>
      composeInvitationMail({ ...base, work: 'case_transfer', link: 'javascript:alert(1)' }),
    ).toThrow();
  });
});
