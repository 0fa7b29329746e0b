-- The stamp the hub gave a transaction whose clock ran too far ahead, kept so that a device whose
-- acknowledgement was lost learns it when it sends the transaction again.
alter table hub_device_txs add column restamped_hlc text;
