-- Several roles per person per clinic (issue #33): one row per (user, clinic, role), so an owner
-- who is a doctor also administers. Existing rows already are one role each and stay as they are.
DROP INDEX `memberships_user_clinic_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_user_clinic_role_unique` ON `memberships` (`user_id`,`clinic_id`,`role`);