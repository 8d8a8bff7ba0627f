"""Real servers a test starts for itself: a throwaway PostgreSQL cluster, the gateway as its own process."""

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg

PROJECT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else None


def _as_postgres(args: list[str]) -> list[str]:
    # initdb refuses to run as root: the cluster is the postgres user's, as a packaged one is.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary directory, on a free port of 127.0.0.1, stopped and started at will."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        subprocess.run(_as_postgres([pg_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                                     "--no-sync", "-E", "UTF8"]), check=True, capture_output=True)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(_as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                                     str(self.dir / "log"), "-w", "start"]), check=True, capture_output=True)

    def stop(self) -> None:
        subprocess.run(_as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]),
                       check=False, capture_output=True)

    def count(self, sql: str) -> int:
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres") as conn:
            return conn.execute(sql).fetchone()[0]

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def project_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(CELERY_EAGER="1", **extra)
    return env


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True,
                          capture_output=True, text=True)


class GatewayProcess:
    """`manage.py mail_gateway` as its own process; started once it says it listens."""

    def __init__(self, env: dict) -> None:
        self.port = free_port()
        self.process = subprocess.Popen([sys.executable, "manage.py", "mail_gateway", "--bind",
                                         f"127.0.0.1:{self.port}"], cwd=PROJECT, env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.process.stdout.readline()
        if "принимает" not in line:
            self.process.kill()
            raise RuntimeError(f"The gateway did not start: {line}{self.process.stdout.read()}")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
