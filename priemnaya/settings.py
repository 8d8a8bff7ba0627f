"""Settings: everything that differs between machines comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be a boolean, got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, got {value!r}") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "priemnaya.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, for FORM_RENDERER below
    "django_htmx",
    "priemnaya.apps.AxesConfig",
    "ninja",
    "priemnaya.apps.PriemnayaConfig",
    "accounts",
    "housing",
    "deadlines",
    "appeals",
    "triage",
    "backoffice",
    "portal",
    "appointments",
    "reference",
    "services",
    "feedback",
    "residents",
    "orders",
    "letters",  # outgoing letters to applicants as signed PDFs
    "proposals",  # systemic proposals and the measured effect of their measures
    "calls",
    "practice",  # practice calls for operators, a sandbox beside the live journal
    "quality",  # operator quality: reviews, surveys, scorecards
    "insights",  # statistics and the monthly report (not «statistics»: that is Python's own module)
    "notifications",
    "mailgateway",
    "open311",
    "api",
    "retention",
    "demo",  # demo data (`load_demo`); a production installation may leave it out
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "priemnaya.request_memo.RequestMemo",  # the calendar and the norms read once per request
    "csp.middleware.CSPMiddleware",  # the Content-Security-Policy below, on every answer
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "priemnaya.methods.MethodNotAllowed",  # a method a page does not handle: 405 with Allow, before CSRF
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "priemnaya.access_log.PersonalDataAccessLog",  # staff views of applicants' data: the 152-ФЗ access log
]

ROOT_URLCONF = "priemnaya.urls"
WSGI_APPLICATION = "priemnaya.wsgi.application"
ASGI_APPLICATION = "priemnaya.asgi.application"

# Form widgets render through the project's templates, so `templates/django/forms/` may replace Django's own.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "priemnaya.context.company",
                "portal.context.accessibility",
                "portal.context.site_map",
                "backoffice.context.staff_nav",
            ],
            # Text someone typed is shown through `usertext` in every template, public and staff alike.
            "builtins": ["priemnaya.templatetags.usertext", "priemnaya.templatetags.phones"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'priemnaya.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite for concurrent web use: WAL lets readers go on while one writes; every transaction takes
    # the write lock at BEGIN (IMMEDIATE), so two writers queue for the busy timeout instead of one
    # failing with "database is locked" when a read lock cannot be upgraded. Tests use a file too:
    # an in-memory database cannot be shared by threads that write. One file a test run (made anew each
    # time, removed at its end), so two runs side by side do not delete each other's.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / f"test-priemnaya-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    # Shared by every web process (a local-memory cache would differ per worker, seen stale after a change), and
    # a hit costs no database query. Rate limits are counted in their own table (priemnaya.ratelimit), since no
    # Django cache but Redis increments atomically across processes.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                          "LOCATION": env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache"))}}

# Celery: real workers on Redis when REDIS_URL is set, otherwise tasks run in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
# No task's return value is read by anyone (progress lives in the rows tasks write), so none is stored: a
# stored result cost every `.delay()` a subscription on the result channel and the worker a write.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "Europe/Moscow"
CELERY_BEAT_SCHEDULE = {
    "check-deadlines": {"task": "appeals.tasks.check_deadlines", "schedule": 15 * 60},
    "prune": {"task": "retention.tasks.prune", "schedule": crontab(hour=3, minute=30)},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.permissions.CachedPermissionsBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
# Locked per user name and IP, and per IP alone (one password against many names); attempts during a
# lock-out are not counted, so it ends at a fixed time (accounts.lockout).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_VERBOSE = False
LOGIN_URL = "/staff/login/"
LOGIN_REDIRECT_URL = "/staff/"
LOGOUT_REDIRECT_URL = "/staff/login/"

LANGUAGE_CODE = env_str("LANGUAGE_CODE", "ru")
# One language: otherwise LocaleMiddleware follows the browser and shows Django's own pages in English.
LANGUAGES = [(LANGUAGE_CODE, LANGUAGE_CODE)]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["priemnaya.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# Attachments are private: stored outside any served directory, handed out by a view.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
# Call recordings: the folder the PBX records into (how a file is found there: calls/recordings.py), the upload limit.
CALL_RECORDINGS_DIR = env_str("CALL_RECORDINGS_DIR", "")
CALL_RECORDING_MAX_BYTES = env_int("CALL_RECORDING_MAX_BYTES", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True

# HTTPS=1 declares that the site is served only over HTTPS (TLS usually ends at nginx in front): plain HTTP is
# redirected, browsers are told to keep to HTTPS (HSTS), cookies are sent only over HTTPS.
HTTPS = env_bool("HTTPS", False)
# appeal_load_idx carries two columns for PostgreSQL's index-only scans; SQLite keeps the index without them.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
    # Preloading is a separate, hard-to-undo decision (hstspreload.org); not asking for it is no defect.
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS += ["security.W021"]
    # The header the proxy sets to say the client came over HTTPS; trusted only because the application listens
    # where only the proxy reaches it, and the proxy overwrites the header. Empty when TLS ends in the app.
    _proxy_header = env_str("HTTPS_PROXY_HEADER", "X-Forwarded-Proto")
    if _proxy_header:
        SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy: scripts, styles and everything else only from the site's own files. No inline script,
# style block or style attribute runs, so text that slipped into a page unescaped could do nothing; the
# templates keep their behaviour in static/js and their looks in static/css (a test reads them all).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
CSRF_FAILURE_VIEW = "priemnaya.errors.csrf_failure"

# The classifier triage uses; empty = the model that ships with the project (triage/trained/).
TRIAGE_MODEL = env_str("TRIAGE_MODEL", "")
# The answer-draft index (triage.answers.stored): built by a task, loaded by the web processes; the newest
# answered appeals of each reason it holds.
ANSWER_INDEX_PATH = env_str("ANSWER_INDEX_PATH", str(BASE_DIR / "var" / "answer-index.npz"))
ANSWER_INDEX_PER_REASON = env_int("ANSWER_INDEX_PER_REASON", 1000)

# An open appeal is "due soon" (flagged in lists, notified) from this many working days before its deadline.
DUE_SOON_WORKING_DAYS = env_int("DUE_SOON_WORKING_DAYS", 2)
# The effect of a systemic proposal's measure: equal windows before and after it, at most this many days each,
# and no verdict while the window after is shorter than the minimum.
PROPOSAL_EFFECT_MAX_DAYS = env_int("PROPOSAL_EFFECT_MAX_DAYS", 90)
PROPOSAL_EFFECT_MIN_DAYS = env_int("PROPOSAL_EFFECT_MIN_DAYS", 14)
# An emergency (a deadline counted in minutes) is "due soon" in its last this many minutes.
DUE_SOON_MINUTES = env_int("DUE_SOON_MINUTES", 60)

# Public forms: how many submissions one IP may make per window.
PUBLIC_RATE_LIMIT = env_int("PUBLIC_RATE_LIMIT", 20)
PUBLIC_RATE_WINDOW = env_int("PUBLIC_RATE_WINDOW", 600)
# Limits on what is asked while typing and on guessed API tokens, in the same windows (priemnaya.ratelimit):
# the public form's hints and address suggestions per IP and over all visitors, wrong bearer tokens per IP
# (no limit over everyone: anyone could then lock every client out of the API).
TYPING_HELP_LIMIT = env_int("TYPING_HELP_LIMIT", 200)
TYPING_HELP_OVERALL = env_int("TYPING_HELP_OVERALL", 5000)
API_TOKEN_FAILURE_LIMIT = env_int("API_TOKEN_FAILURE_LIMIT", 10)

# Appeals: a received date before this (ISO 8601) is refused as a typing error, in every channel and in the
# journal's filters (appeals/dates.py). No appeal this system keeps is older.
EARLIEST_RECEIVED_DATE = env_str("EARLIEST_RECEIVED_DATE", "2000-01-01")

# Retention, in days (retention.pruning; checked by priemnaya.checks). A retried API create with the same
# Idempotency-Key gets the first answer for IDEMPOTENCY_KEY_DAYS. Notifications of an open appeal always stay.
IDEMPOTENCY_KEY_DAYS = env_int("IDEMPOTENCY_KEY_DAYS", 7)
NOTIFICATION_READ_DAYS = env_int("NOTIFICATION_READ_DAYS", 90)
NOTIFICATION_UNREAD_DAYS = env_int("NOTIFICATION_UNREAD_DAYS", 365)
# The 152-ФЗ access log and the log of staff log-ins: three years.
ACCESS_LOG_DAYS = env_int("ACCESS_LOG_DAYS", 1096)

# Mail to residents carries their names, addresses and access codes: the embedded default keeps each letter
# as a file under var/mail (never the console, whose output lands in the server log); production sets SMTP.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = Path(env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail")))
# With the SMTP backend: the server letters go to (the local MTA by default).
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "priemnaya@example.ru")
# Outgoing messages (notifications): SMS through SMS_BACKEND — by default each message a file under var/sms;
# with SMS_GATEWAY_URL a generic HTTP gateway (a JSON body POSTed with a bearer token). Applicants who left only
# a phone are told by SMS when SMS_NOTIFY is on. Links in messages start with SITE_URL.
SMS_GATEWAY_URL = env_str("SMS_GATEWAY_URL", "")
SMS_GATEWAY_TOKEN = env_str("SMS_GATEWAY_TOKEN", "")
SMS_GATEWAY_BODY = env_str("SMS_GATEWAY_BODY", '{"to": {to}, "text": {text}}')
SMS_BACKEND = env_str("SMS_BACKEND", "notifications.sms.HttpSmsGateway" if SMS_GATEWAY_URL
                      else "notifications.sms.FileSmsBackend")
SMS_FILE_PATH = Path(env_str("SMS_FILE_PATH", str(BASE_DIR / "var" / "sms")))
SMS_NOTIFY = env_bool("SMS_NOTIFY", bool(SMS_GATEWAY_URL))
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
NOTIFY_MAX_ATTEMPTS = env_int("NOTIFY_MAX_ATTEMPTS", 5)
# Operator quality (quality/): appeals drawn per operator and ISO week for review, the draw's seed, survey days.
QUALITY_SAMPLE_PER_WEEK = env_int("QUALITY_SAMPLE_PER_WEEK", 3)
QUALITY_SAMPLE_SEED = env_str("QUALITY_SAMPLE_SEED", "priemnaya")
SURVEY_DAYS = env_int("SURVEY_DAYS", 30)
# A message not sent is tried again after BASE, 2·BASE, 4·BASE … seconds, at most MAX apart.
NOTIFY_BACKOFF_BASE = env_int("NOTIFY_BACKOFF_BASE", 60)
NOTIFY_BACKOFF_MAX = env_int("NOTIFY_BACKOFF_MAX", 3600)
NOTIFY_RETRY_BATCH = env_int("NOTIFY_RETRY_BATCH", 200)
CELERY_BEAT_SCHEDULE |= {
    "notify-retry": {"task": "notifications.tasks.retry_due", "schedule": 5 * 60},
    "notify-digests": {"task": "notifications.tasks.send_digests", "schedule": crontab(hour=8, minute=0)},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Incoming mail (`manage.py mail_gateway`, `manage.py poll_imap`): letters become appeals. RECIPIENTS are
# the addresses or domains the SMTP receiver takes letters for (empty: any that the MTA relays to it).
MAIL_GATEWAY_BIND = env_str("MAIL_GATEWAY_BIND", "127.0.0.1:2525")
MAIL_GATEWAY_RECIPIENTS = env_list("MAIL_GATEWAY_RECIPIENTS", "")
MAIL_GATEWAY_MAX_BYTES = env_int("MAIL_GATEWAY_MAX_BYTES", 30 * 1024 * 1024)
MAIL_GATEWAY_THREADS = env_int("MAIL_GATEWAY_THREADS", 4)
IMAP_HOST = env_str("IMAP_HOST", "")
IMAP_PORT = env_int("IMAP_PORT", 993)
IMAP_SSL = env_bool("IMAP_SSL", True)
IMAP_USER = env_str("IMAP_USER", "")
IMAP_PASSWORD = env_str("IMAP_PASSWORD", "")
IMAP_FOLDER = env_str("IMAP_FOLDER", "INBOX")
# Where a filed letter is moved; empty: it stays in the folder, marked as read.
IMAP_DONE_FOLDER = env_str("IMAP_DONE_FOLDER", "")
