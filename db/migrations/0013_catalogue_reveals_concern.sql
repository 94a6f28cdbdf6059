-- A catalogue entry whose name or description reveals the radicalisation concern (e.g. advice
-- under Serviceloven § 12 b "for adults at risk of radicalisation", an exit programme). Members
-- of a case outside the compartment see such an entry under a neutral name, and cannot choose
-- it; the coordinators and forum members of the case see its name. Set by whoever manages the
-- catalogue, and by the standard catalogue for its offers that name the concern.
alter table intervention_types add column reveals_concern boolean not null default false;

-- Entries already in a catalogue: the standard offers that name the concern, and every entry
-- whose name or description uses one of the concern's words. Marking too many is safe (the
-- catalogue's manager can take the mark off); marking too few is not.
update intervention_types
   set reveals_concern = true
 where code in ('counselling_12b', 'exit_programme')
    or name ~* '(radikalis|ekstremis|radicalis|extremis)'
    or coalesce(description, '') ~* '(radikalis|ekstremis|radicalis|extremis)';
