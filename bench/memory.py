"""How much memory a web worker holds once warm, and where it goes.

    python -m bench.memory                 # gunicorn with 2 workers on the configured database, warmed up
    python -m bench.memory --workers 4 -- --preload    # anything after `--` goes to gunicorn
    python -m bench.memory --parts         # one process: resident memory after each thing it loads

A warm-up walks what a working day touches (the public form and its hints, the staff log-in, the journal
and its search, appeal pages with answer drafts, the registration screen's analysis) over fresh connections,
so every worker gets its share; then each worker's VmRSS, its peak (VmHWM) and its PSS (resident memory
with shared pages divided among the processes sharing them, from /proc/<pid>/smaps_rollup) are read.
Run it on the demo data (`make demo`); the figures are in MB (2^20 bytes).
"""

import argparse
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ["Течёт крыша над квартирой, вода на потолке в комнате",
         "Не работает лифт во втором подъезде третий день",
         "Прошу сделать перерасчёт за отопление, в квартире холодно",
         "Иванова Мария Петровна, тел. 8 921 123-45-67, кв. 12: во дворе не вывезен мусор"]


def proc_figures(pid: int) -> dict[str, float]:
    """VmRSS, VmHWM and (where the kernel has it) Pss of a process, in MB."""
    figures = {}
    status = Path(f"/proc/{pid}/status").read_text()
    for name in ("VmRSS", "VmHWM"):
        figures[name] = int(re.search(rf"^{name}:\s+(\d+) kB", status, re.M).group(1)) / 1024
    rollup = Path(f"/proc/{pid}/smaps_rollup")
    if rollup.exists():
        text = rollup.read_text()
        for name in ("Pss", "Pss_Anon", "Pss_File"):
            found = re.search(rf"^{name}:\s+(\d+) kB", text, re.M)
            if found:
                figures[name] = int(found.group(1)) / 1024
    return figures


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """A cookie-keeping client that opens a new connection per request (so requests spread over workers)."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> str:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={
            "X-CSRFToken": self.csrf(), "Referer": self.base + path, "HX-Request": "true"})
        with self.opener.open(request, timeout=60) as response:
            return response.read().decode()


def warm_up(base: str, rounds: int) -> None:
    public, staff = Browser(base), Browser(base)
    staff.get("/staff/login/")
    staff.post("/staff/login/", {"username": "supervisor", "password": "supervisor-demo-2026"})
    journal = staff.get("/staff/journal/")
    numbers = sorted(set(re.findall(r"/staff/appeals/([0-9]{2}-[0-9]{6})/", journal)))[:10]
    if not numbers:
        raise SystemExit("No appeals in the journal: load the demo data first (make demo).")
    suggested = staff.get("/staff/buildings/suggest/?address_text=" + urllib.parse.quote("Марата"))
    building = next(iter(re.findall(r"/buildings/pick/(\d+)/", suggested)), "")
    for i in range(rounds):
        text = TEXTS[i % len(TEXTS)]
        public.get("/")
        public.get("/appeal/")
        public.post("/appeal/hints/", {"text": text, "building": building})
        public.get("/appeal/buildings/?address=" + urllib.parse.quote("Марата"))
        public.get("/faq/?q=" + urllib.parse.quote("счётчик"))
        staff.get("/staff/journal/")
        staff.post("/staff/journal/", {"q": "крыша"})
        staff.get(f"/staff/appeals/{numbers[i % len(numbers)]}/")
        staff.get("/staff/register/")
        staff.post("/staff/register/analyse/", {"text": text})
        staff.post("/staff/register/hint/", {"text": text})
        staff.get("/staff/triage/")


def serve_and_measure(workers: int, rounds: int, extra: list[str]) -> None:
    port = free_port()
    env = {**os.environ, "PUBLIC_RATE_LIMIT": "1000000", "LOGIN_FAILURE_LIMIT": "1000"}
    command = [sys.executable, "-m", "gunicorn", "priemnaya.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}",
               "--timeout", "120", "--log-level", "warning", *extra]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        started = time.perf_counter()
        warm_up(base, rounds)
        print(f"gunicorn {' '.join(command[3:])}\nwarm-up: {rounds} rounds in {time.perf_counter() - started:.1f} s")
        time.sleep(1)
        rows = [("master", server.pid)] + [(f"worker {i + 1}", pid) for i, pid in enumerate(children(server.pid))]
        print(f"{'':10} {'RSS':>8} {'peak':>8} {'PSS':>8} {'PSS anon':>9}")
        for name, pid in rows:
            f = proc_figures(pid)
            print(f"{name:10} {f['VmRSS']:8.0f} {f['VmHWM']:8.0f} {f.get('Pss', 0):8.0f} {f.get('Pss_Anon', 0):9.0f}")
    finally:
        server.terminate()
        server.wait(30)


def parts() -> None:
    """Resident memory after each step, in the order a worker meets them."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "priemnaya.settings")
    last = proc_figures(os.getpid())["VmRSS"]
    print(f"{'step':52} {'RSS':>6} {'+':>6}")

    def step(name, action):
        nonlocal last
        action()
        now = proc_figures(os.getpid())["VmRSS"]
        print(f"{name:52} {now:6.0f} {now - last:+6.0f}")
        last = now

    def app():
        django.setup()
        from priemnaya.wsgi import application  # noqa: F401

    def morph():
        from appeals.search import morph, word_key
        morph()
        word_key("протекает")

    def classifier():
        from triage.classifier import predictor
        predictor.rank(TEXTS[0])

    def propose():
        from triage.services import propose
        propose(TEXTS[1])

    def extraction():
        from triage.extraction import extract
        extract(TEXTS[3])

    def faq():
        from triage.answers.faq import match_faq
        match_faq(TEXTS[2])

    def answers():
        from appeals.models import Appeal
        from triage.answers import suggestions
        suggestions.REBUILD_IN_BACKGROUND = False
        appeal = Appeal.objects.order_by("-pk").first()
        if appeal is not None:
            suggestions.suggest_answers(appeal)

    step("python and Django with every app (bench sets it up)", lambda: None)
    step("the WSGI application", app)
    step("numpy", lambda: __import__("numpy"))
    step("scipy.sparse", lambda: __import__("scipy.sparse"))
    step("the classifier module (scikit-learn only for training)",
         lambda: __import__("triage.classifier.model"))
    step("pymorphy3 analyser (lemma keys)", morph)
    step("the classifier, ranking a text", classifier)
    step("triage.propose (rules, keywords, the model)", propose)
    step("extraction (names: pymorphy3 + natasha NER)", extraction)
    step("FAQ matching (navec sentence vectors)", faq)
    step("the answer-draft index", answers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--parts", action="store_true", help="one process: memory after each thing it loads")
    parser.add_argument("gunicorn", nargs="*", help="after `--`: more gunicorn options")
    args = parser.parse_args()
    if args.parts:
        parts()
    else:
        serve_and_measure(args.workers, args.rounds, args.gunicorn)


if __name__ == "__main__":
    main()
