-- A device whose answer was lost sends a refused transaction again; the hub finds the refusal by
-- device and number to tell it once more.
create index hub_rejections_device_seq_idx on hub_rejections (device_id, seq);
