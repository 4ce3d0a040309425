// Creates sources the caller has just found absent; if another write creates one meanwhile,
// the source_id constraint refuses this one instead of overwriting it.
UNWIND $rows AS row
CREATE (s:Source)
SET s = row
