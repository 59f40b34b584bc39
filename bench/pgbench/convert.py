#!/usr/bin/env python3
"""Turns the statement log of one API call (lines of PostgreSQL's log, log_statement = 'all',
log_line_prefix = '%m [%p] %q%u@%d ') into a pgbench script that sends the same statements.

Usage: convert.py LOG [options] > script.sql
  --header TEXT          comment lines put first (repeatable)
  --replace VALUE=SQL    a parameter whose value is exactly VALUE becomes the SQL expression (repeatable)
  --fresh-uuids          every other UUID parameter is the call's own new id: each distinct one becomes
                         a UUID made afresh per transaction from the pgbench variables run and seq
  --fresh-limit-keys     rate-limit keys ('<limit>:<64 hex>', the hash of an address or a contact)
                         are made afresh per transaction the same way (a new client each time)
  --drop REGEX           statements whose text matches are left out (repeatable)
  --prelude LINE         pgbench lines put before the statements (repeatable)

Parameters are written as literals in place of $n. Literals holding a colon are written as E''
strings with the colon as \\x3a: in -M prepared mode pgbench takes any ":name" of the text, even
inside quotes, for a variable. Transactions of another connection (the app's REQUIRES_NEW ones, e.g.
the abuse limits) cannot nest in the main connection's: they are put, whole and in their order,
before the main transaction they interrupted.
"""
import argparse
import re
import sys

PREFIX = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[(\d+)\] \S+ (LOG|DETAIL):  (.*)$')
UUID = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
LIMIT_KEY = re.compile(r'^([a-z0-9.-]+):[0-9a-f]{64}$')


def entries(path):
    """(pid, kind, text) for each log entry, continuation lines (a leading tab) joined."""
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            m = PREFIX.match(line)
            if m:
                out.append([m.group(1), m.group(2), m.group(3)])
            elif out and line.startswith('\t'):
                out[-1][2] += '\n' + line[1:]
            elif out:
                out[-1][2] += '\n' + line
    return out


def parameters(detail):
    """{n: value or None} from 'parameters: $1 = '…', $2 = NULL'."""
    assert detail.startswith('parameters: '), detail
    s, i, params = detail, len('parameters: '), {}
    while i < len(s):
        m = re.compile(r'\$(\d+) = ').match(s, i)
        assert m, s[i:i + 80]
        n, i = int(m.group(1)), m.end()
        if s.startswith('NULL', i):
            params[n], i = None, i + 4
        else:
            assert s[i] == "'", s[i:i + 80]
            j, value = i + 1, []
            while True:
                k = s.index("'", j)
                value.append(s[j:k])
                if s.startswith("''", k):
                    value.append("'")
                    j = k + 2
                else:
                    i = k + 1
                    break
            params[n] = ''.join(value)
        if s.startswith(', ', i):
            i += 2
    return params


def statements(log):
    """[(pid, sql, params)] in the log's order."""
    out = []
    for pid, kind, text in entries(log):
        if kind == 'LOG':
            m = re.match(r'(?:statement|execute [^:]+): (.*)$', text, re.S)
            if m:
                out.append([pid, m.group(1), {}])
        elif kind == 'DETAIL' and text.startswith('parameters: ') and out and out[-1][0] == pid:
            out[-1][2] = parameters(text)
    return out


def literal(value):
    if value is None:
        return 'NULL'
    if ':' in value or '\\' in value:
        return "E'" + value.replace('\\', '\\\\').replace("'", "''").replace(':', '\\x3a') + "'"
    return "'" + value.replace("'", "''") + "'"


def main():
    p = argparse.ArgumentParser()
    p.add_argument('log')
    p.add_argument('--header', action='append', default=[])
    p.add_argument('--replace', action='append', default=[])
    p.add_argument('--fresh-uuids', action='store_true')
    p.add_argument('--fresh-limit-keys', action='store_true')
    p.add_argument('--drop', action='append', default=[])
    p.add_argument('--prelude', action='append', default=[])
    a = p.parse_args()
    replace = dict(r.split('=', 1) for r in a.replace)
    fresh = {}

    def render(value, sql):
        if value is not None and value in replace:
            return replace[value]
        if a.fresh_uuids and value is not None and UUID.match(value):
            k = fresh.setdefault(value, len(fresh) + 1)
            made = f"md5(:run::text || '-' || :seq::text || '-{k}')::uuid"
            # pg_notify takes text, and no implicit cast turns a uuid into text
            return made + '::text' if 'pg_notify(' in sql else made
        m = LIMIT_KEY.match(value or '')
        if a.fresh_limit_keys and m:
            return (literal(m.group(1) + ':') + " || encode(sha256((:run::text || '-' || :seq::text || "
                    f"'-{m.group(1)}')::bytea), 'hex')")
        return literal(value)

    stmts = [s for s in statements(a.log) if not any(re.search(d, s[1]) for d in a.drop)]
    if not stmts:
        sys.exit('no statement in ' + a.log)
    counts = {}
    for pid, _, _ in stmts:
        counts[pid] = counts.get(pid, 0) + 1
    main_pid = max(counts, key=counts.get)

    # Reorder: another connection's transactions go before the main transaction they interrupted.
    ordered, held, in_main_tx = [], [], False
    for s in stmts:
        pid, sql = s[0], s[1].strip()
        if pid == main_pid:
            if sql.upper() == 'BEGIN':
                in_main_tx, held = True, [s]
                continue
            if in_main_tx:
                held.append(s)
                if sql.upper() in ('COMMIT', 'ROLLBACK'):
                    ordered.extend(held)
                    in_main_tx, held = False, []
                continue
        if in_main_tx and pid != main_pid:
            ordered.append(s)  # before `held`, which is emitted at its COMMIT
        else:
            ordered.append(s)
    ordered.extend(held)

    print('\n'.join('-- ' + h if h else '--' for h in a.header))
    for line in a.prelude:
        print(line)
    for pid, sql, params in ordered:
        text = re.sub(r'\$(\d+)', lambda m: render(params.get(int(m.group(1))), sql), sql.strip())
        if pid != main_pid and text.upper() == 'BEGIN':
            print('-- another connection of the app (a REQUIRES_NEW transaction), put before the main one:')
        print(text + ';')


if __name__ == '__main__':
    main()
