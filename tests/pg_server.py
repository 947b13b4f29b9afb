"""A throwaway PostgreSQL server for the tests: found (or installed from Debian's
packages), started once on a free local port in a temporary folder, stopped at the end.

Nothing is shared with a server the machine may already run: the cluster, its
socket and its log live in the temporary folder, and it listens on 127.0.0.1 only.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

DEBIAN_BINS = "/usr/lib/postgresql/*/bin"  # where Debian's packages put initdb and pg_ctl
PASSWORD = "quotes-test"  # the superuser's; connections over TCP must give it
USER = "postgres"  # the OS user that runs the server when we are root (initdb refuses root)


class Unavailable(Exception):
    """PostgreSQL cannot be found or installed here; the message says why."""


def _version(folder: str) -> int:
    name = Path(folder).parent.name
    return int(name) if name.isdigit() else 0


def find_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else the newest Debian install."""
    on_path = shutil.which("pg_ctl")
    folders = [str(Path(on_path).resolve().parent)] if on_path else []
    folders += sorted(glob.glob(DEBIAN_BINS), key=_version, reverse=True)
    for folder in folders:
        if all(os.access(Path(folder) / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


def install() -> None:
    """`apt-get install postgresql` (after `apt-get update` if the first try fails); raises Unavailable."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise Unavailable("PostgreSQL is not installed and apt-get cannot install it here (needs root and apt-get)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    wait = ["-o", "DPkg::Lock::Timeout=120"]  # another apt-get may be running
    command = ["apt-get", *wait, "install", "-y", "-q", "--no-install-recommends", "postgresql"]
    if subprocess.run(command, env=env, capture_output=True).returncode == 0:
        return
    subprocess.run(["apt-get", *wait, "update", "-q"], env=env, capture_output=True)
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise Unavailable(f"apt-get install postgresql failed: {done.stderr.strip()[-300:]}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    """A running cluster; `url` gives SQLAlchemy URLs, `create_database` fresh databases."""

    bin: Path
    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres", *, password: str = PASSWORD, port: int | None = None) -> str:
        return f"postgresql://{USER}:{password}@127.0.0.1:{port or self.port}/{database}"

    def create_database(self, prefix: str = "quotes") -> str:
        """A new, empty database; its URL."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def run(self, *command: str | Path, check: bool = True) -> subprocess.CompletedProcess:
        """A PostgreSQL tool, as the `postgres` user when we are root."""
        args = [str(self.bin / str(command[0])), *map(str, command[1:])]
        if os.geteuid() == 0:
            args = ["runuser", "-u", USER, "--", *args]
        done = subprocess.run(args, capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            log = self.folder / "log"
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
            raise Unavailable(f"{' '.join(args)} failed: {done.stdout}{done.stderr}{tail}")
        return done

    def stop(self) -> None:
        if self.data.exists():
            self.run("pg_ctl", "stop", "-D", self.data, "-m", "immediate", "-w", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    """A new cluster on a free port, running; raises Unavailable when there is no way to have one."""
    bin_folder = find_bin()
    if bin_folder is None:
        install()
        bin_folder = find_bin()
        if bin_folder is None:
            raise Unavailable(f"apt-get installed postgresql but no initdb/pg_ctl in {DEBIAN_BINS} or on PATH")
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam(USER)
        except KeyError:
            raise Unavailable(f"running as root, and there is no {USER!r} user to run PostgreSQL as") from None
    # As root, in /tmp itself: the postgres user must reach the folder ($TMPDIR may be private).
    folder = Path(tempfile.mkdtemp(prefix="quotes-pg-", dir="/tmp" if os.geteuid() == 0 else None))
    server = Server(bin_folder, folder, free_port())
    try:
        if os.geteuid() == 0:
            os.chown(folder, owner.pw_uid, owner.pw_gid)
        (folder / "pw").write_text(PASSWORD + "\n")
        if os.geteuid() == 0:
            os.chown(folder / "pw", owner.pw_uid, owner.pw_gid)
        server.run(
            "initdb", "-D", server.data, "-U", USER, "--pwfile", folder / "pw", "--auth-local=trust",
            "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )
        options = (
            f"-p {server.port} -k {folder} -c listen_addresses=127.0.0.1 -F "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        server.run("pg_ctl", "start", "-D", server.data, "-l", folder / "log", "-o", options, "-w", "-t", "60")
    except BaseException:
        server.stop()
        raise
    return server
