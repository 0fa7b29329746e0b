CREATE TABLE `sync_parked` (
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`data` text NOT NULL,
	`clock` text NOT NULL,
	`parked_at` text NOT NULL,
	PRIMARY KEY(`tbl`, `row_id`)
);
