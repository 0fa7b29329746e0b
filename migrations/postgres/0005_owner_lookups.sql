-- A push reads the clinic links of the patients and the roles of the users it touches by their
-- owner, to know which clinics see each change: without these, every push read the whole table.
create index patient_clinics_patient_idx on patient_clinics (patient_id);
create index memberships_user_idx on memberships (user_id);
