-- The provisional reference a workstation gave a patient or an appointment while it had no
-- leased number left, kept after it is renamed to a leased one (workstation migration 0018).
alter table patients add column provisional_mrn text;
alter table appointments add column provisional_reference text;
