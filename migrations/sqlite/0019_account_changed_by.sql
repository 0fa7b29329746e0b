-- Who made an account's latest change (the user, or an administrator), so the hub can check
-- that they could (issue #31): an administrator of every clinic where the account holds a role.
ALTER TABLE `users` ADD `account_changed_by` text;