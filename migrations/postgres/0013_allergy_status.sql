-- What is known of a patient's allergies (workstation migration 0020): not recorded, no known
-- allergies (stated by someone, at a time), or listed. Rows from before start as the
-- workstations' do: listed when they have allergies on file, otherwise not recorded. The default
-- also covers a row pushed by a workstation not yet updated, so a pulled patient is never
-- without a status.
alter table patients add column allergy_status text default 'NOT_RECORDED';
alter table patients add column allergies_stated_by text;
alter table patients add column allergies_stated_at text;
update patients set allergy_status = 'LISTED'
  where exists (select 1 from patient_allergies a where a.patient_id = patients.id and a.deleted_at is null);
