CREATE TABLE `sync_conflict_checks` (
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	PRIMARY KEY(`tbl`, `row_id`)
);
