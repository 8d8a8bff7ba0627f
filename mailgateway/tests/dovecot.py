"""A dovecot IMAP server of a test's own: a config in a temporary directory, a static user, a maildir there."""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from .servers import free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER, PASSWORD = "priem", "test-pass"
CONFIG = """\
base_dir = {dir}/run
state_dir = {dir}/state
log_path = {dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{dir}/mail
first_valid_uid = {uid}
{users}
passdb {{
  driver = static
  args = password={password}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={dir}/home
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


class Dovecot:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="dovecot-"))
        self.port = free_port()
        # As root, the mailbox belongs to dovecot's own unprivileged user: dovecot serves no mail as root.
        owner = pwd.getpwnam("dovecot") if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())
        users = "" if os.geteuid() == 0 else (f"default_login_user = {owner.pw_name}\n"
                                               f"default_internal_user = {owner.pw_name}")
        for sub in ("home", "mail"):
            (self.dir / sub).mkdir()
            os.chown(self.dir / sub, owner.pw_uid, owner.pw_gid)
        os.chmod(self.dir, 0o755)
        self.config = self.dir / "dovecot.conf"
        self.config.write_text(CONFIG.format(dir=self.dir, uid=owner.pw_uid, gid=owner.pw_gid, port=self.port,
                                             password=PASSWORD, users=users))

    def start(self) -> None:
        # It forks into the background; its output goes to a file, which a pipe left open by it would not.
        with open(self.dir / "start.log", "wb") as output:
            subprocess.run([DOVECOT, "-c", str(self.config)], check=True, stdout=output, stderr=output)
        for _ in range(200):  # it forks into the background and listens within moments
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError((self.dir / "dovecot.log").read_text())

    def stop(self) -> None:
        pid_file = self.dir / "run" / "master.pid"
        pid = int(pid_file.read_text()) if pid_file.exists() else None
        subprocess.run([DOVECOT, "-c", str(self.config), "stop"], check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        for _ in range(200):
            if pid is None or not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.05)
        shutil.rmtree(self.dir, ignore_errors=True)
