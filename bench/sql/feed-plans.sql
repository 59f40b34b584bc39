-- EXPLAIN ANALYZE of the live feed's queries (request/EventFeed.java builds them; below is what it
-- sends, with the bound values written in) on the data of generate-requests.sql: the reader's
-- position (head), the check that finished events wait behind an open transaction (lagging), the
-- instance's reader after its position (all), and the replays a reconnection asks for: one
-- request's (TRACKING), one citizen's (MINE), everything (STAFF, filtered in the JVM afterwards).
--
-- Usage: psql "$DB" -f bench/sql/feed-plans.sql
--        psql "$DB" -v back=5000 -f bench/sql/feed-plans.sql
-- `back`: how many events behind the head the reconnecting client's Last-Event-ID is (default
-- 50,000, far more than a day of national traffic). Events written before V26 share its migration's
-- transaction id; the order within it is their seq, as the feed reads it.
-- Run it twice and read the second run: the first one also measures reading the table from disk.
\set ON_ERROR_STOP on
\pset pager off
\if :{?back}
\else
  \set back 50000
\endif
select count(*) as events from request_event;

-- The cursor `back` events behind the head, a request and a citizen with events after it.
select tx::text as cursor_tx, seq as cursor_seq from request_event order by tx desc, seq desc offset :back limit 1 \gset
select e.request_id as some_request, r.citizen_id as some_citizen
from request_event e join citizen_request r on r.id = e.request_id
where (e.tx, e.seq) > ((:'cursor_tx'::text)::xid8, :cursor_seq) and r.citizen_id is not null
limit 1 \gset

\echo '--- head: where a new stream and the instance''s reader start'
explain (analyze, buffers)
select e.tx::text, e.seq from request_event e where e.tx < feed_horizon()
order by e.tx desc, e.seq desc limit 1;

\echo '--- lagging: finished events behind an open transaction? (the reader, at every wake-up)'
explain (analyze, buffers)
select exists (select 1 from request_event where tx >= feed_horizon()
               and (tx, seq) > ((:'cursor_tx'::text)::xid8, :cursor_seq));

\echo '--- after, no filter: the instance''s reader, and a STAFF replay (500 + 1 rows at most)'
explain (analyze, buffers)
select e.tx::text, e.seq, e.id, e.request_id, e.occurred_at from request_event e
where e.tx < feed_horizon() and (e.tx, e.seq) > ((:'cursor_tx'::text)::xid8, :cursor_seq)
order by e.tx, e.seq limit 501;

\echo '--- after, one request: a TRACKING replay'
explain (analyze, buffers)
select e.tx::text, e.seq, e.id, e.request_id, e.occurred_at from request_event e
where e.tx < feed_horizon() and (e.tx, e.seq) > ((:'cursor_tx'::text)::xid8, :cursor_seq)
  and e.request_id = :'some_request'
order by e.tx, e.seq limit 501;

\echo '--- after, one citizen''s requests: a MINE replay'
explain (analyze, buffers)
select e.tx::text, e.seq, e.id, e.request_id, e.occurred_at from request_event e
join citizen_request r on r.id = e.request_id and r.citizen_id = :'some_citizen'
where e.tx < feed_horizon() and (e.tx, e.seq) > ((:'cursor_tx'::text)::xid8, :cursor_seq)
order by e.tx, e.seq limit 501;
