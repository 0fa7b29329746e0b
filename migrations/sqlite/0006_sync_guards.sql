-- Replicated rows are never deleted: a deletion is a tombstone (deleted_at) that replicates like
-- any change. These guards make a hard delete fail loudly instead of silently diverging.
CREATE TRIGGER `clinics_no_delete` BEFORE DELETE ON `clinics`
BEGIN
	SELECT RAISE(ABORT, 'clinics rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `devices_no_delete` BEFORE DELETE ON `devices`
BEGIN
	SELECT RAISE(ABORT, 'devices rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `users_no_delete` BEFORE DELETE ON `users`
BEGIN
	SELECT RAISE(ABORT, 'users rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `memberships_no_delete` BEFORE DELETE ON `memberships`
BEGIN
	SELECT RAISE(ABORT, 'memberships rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `patients_no_delete` BEFORE DELETE ON `patients`
BEGIN
	SELECT RAISE(ABORT, 'patients rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `patient_clinics_no_delete` BEFORE DELETE ON `patient_clinics`
BEGIN
	SELECT RAISE(ABORT, 'patient_clinics rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `patient_allergies_no_delete` BEFORE DELETE ON `patient_allergies`
BEGIN
	SELECT RAISE(ABORT, 'patient_allergies rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `patient_conditions_no_delete` BEFORE DELETE ON `patient_conditions`
BEGIN
	SELECT RAISE(ABORT, 'patient_conditions rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `doctor_profiles_no_delete` BEFORE DELETE ON `doctor_profiles`
BEGIN
	SELECT RAISE(ABORT, 'doctor_profiles rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `weekly_schedules_no_delete` BEFORE DELETE ON `weekly_schedules`
BEGIN
	SELECT RAISE(ABORT, 'weekly_schedules rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `schedule_exceptions_no_delete` BEFORE DELETE ON `schedule_exceptions`
BEGIN
	SELECT RAISE(ABORT, 'schedule_exceptions rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `appointments_no_delete` BEFORE DELETE ON `appointments`
BEGIN
	SELECT RAISE(ABORT, 'appointments rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_events_no_delete` BEFORE DELETE ON `appointment_events`
BEGIN
	SELECT RAISE(ABORT, 'appointment_events rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `queue_entries_no_delete` BEFORE DELETE ON `queue_entries`
BEGIN
	SELECT RAISE(ABORT, 'queue_entries rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `sync_conflicts_no_delete` BEFORE DELETE ON `sync_conflicts`
BEGIN
	SELECT RAISE(ABORT, 'sync_conflicts rows are never deleted; set deleted_at');
END;
--> statement-breakpoint
CREATE TRIGGER `appointment_events_no_update` BEFORE UPDATE OF `appointment_id`, `at`, `kind`, `user_id`, `from_start_at`, `to_start_at`, `note`, `created_at` ON `appointment_events`
BEGIN
	SELECT RAISE(ABORT, 'appointment_events is append-only');
END;
--> statement-breakpoint
INSERT INTO `sync_state` (`id`, `txn`, `hlc`, `mode`) VALUES (1, 0, '000000000.0000.0', 0);
