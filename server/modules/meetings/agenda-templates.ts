import type { AgendaTemplate } from '../../../shared/agenda.ts';
import { catalog, type Locale } from '../../platform/i18n/index.ts';

/**
 * The playbook's agenda templates (drejebog, tool 1 of the housing-area model): the area
 * meeting, the interdisciplinary meeting and the knowledge sharing of a vulnerable housing area's
 * team, and the Infohus Kommune meeting. Written in our own words; the topics are in
 * agenda-locales/{da,en}.json under `agendaTemplates.<template>.t1…`, applied as `template`
 * topics in the caller's language.
 */
export interface TemplateTopic {
  title: string;
  description: string | null;
}

type Node = string | { [key: string]: Node };

export function templateTopics(template: AgendaTemplate, locale: Locale): TemplateTopic[] {
  const all = (catalog(locale) as { agendaTemplates?: Record<string, Node> }).agendaTemplates;
  const topics = all?.[template];
  if (!topics || typeof topics === 'string') return [];
  return Object.keys(topics)
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .flatMap((key) => {
      const topic = topics[key];
      if (!topic || typeof topic === 'string' || typeof topic.title !== 'string') return [];
      return [
        {
          title: topic.title,
          description: typeof topic.description === 'string' ? topic.description : null,
        },
      ];
    });
}
