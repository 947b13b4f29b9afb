"""Over the speaker audit's database (issue 13): `make audit` ingests PolNeAR train,
news-dev and the seeds into out/audit.db; no alias there may be a title or role alone
and no entry may fail the name checks. Skips where no audit was run (a fresh clone,
CI): the ingest takes minutes, too long for the suite; `QUOTES_AUDIT_DB` names
another copy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from quotes.name_checks import ROLE_WORDS, name_problems
from quotes.query import speakers
from quotes.store.db import open_db
from quotes.store.models import PersonAlias

DB = Path(os.environ.get("QUOTES_AUDIT_DB", Path(__file__).resolve().parents[1] / "out" / "audit.db"))
pytestmark = pytest.mark.skipif(not DB.exists(), reason=f"no audit database at {DB} (run `make audit`)")


@pytest.fixture(scope="module")
def audit():
    return open_db(DB)


def test_no_alias_in_the_audit_database_is_a_title_or_role_alone(audit):
    with audit() as session:
        aliases = session.scalars(select(PersonAlias.name)).all()
    assert aliases  # an audit stores thousands
    titles = [a for a in aliases if all(w.lower().rstrip(".") in ROLE_WORDS for w in a.split())]
    assert titles == []


def test_every_entry_in_the_audit_database_passes_the_name_checks(audit):
    with audit() as session:
        rows = speakers(session)
    assert len(rows) > 1000
    assert [(r.name, name_problems(r.name, r.type)) for r in rows if name_problems(r.name, r.type)] == []
