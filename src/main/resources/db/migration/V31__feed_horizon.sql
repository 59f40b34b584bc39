-- The live feed's horizon (request/EventFeed): every transaction below it that may have written
-- request_event has ended, so a cursor may pass it. It was the xmin of the current snapshot: any
-- transaction still open, whatever it writes, held every stream back until it ended, and a long
-- job (the statistics roll-up rebuilding a month of an archive) stalled live updates for its
-- whole length. A transaction that never writes request_event may now say so: it takes the shared
-- transaction-level advisory lock (1296649289, 1) — 1296649289 is "MILI" in ASCII — and no longer
-- holds the horizon back. It is recognised by its virtual transaction id, which names that one
-- transaction: the same id holds the marker and the lock on the transaction's own id. Nothing else
-- is skipped: a transaction merely suspected of being one of them still holds the horizon.
create function feed_horizon() returns xid8 language plpgsql stable as $$
declare
    snapshot pg_snapshot := pg_current_snapshot();
begin
    if pg_snapshot_xmin(snapshot) = pg_snapshot_xmax(snapshot) then
        return pg_snapshot_xmax(snapshot); -- nothing in progress
    end if;
    return coalesce((
        select min(x) from pg_snapshot_xip(snapshot) x
        where xid(x) not in (
            select own.transactionid from pg_locks own
            join pg_locks mark on mark.virtualtransaction = own.virtualtransaction
            where own.locktype = 'transactionid'
              and mark.locktype = 'advisory' and mark.granted
              and mark.classid = 1296649289 and mark.objid = 1 and mark.objsubid = 2)),
        pg_snapshot_xmax(snapshot));
end
$$;
