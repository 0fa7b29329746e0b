-- Who made an account's latest change (workstation migration 0019): the hub checks that they could.
alter table users add column account_changed_by text;
