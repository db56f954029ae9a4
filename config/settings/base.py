"""Settings shared by every environment; read from the environment with django-environ."""

import datetime
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-local-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

# Apps ------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.syndication",
]
THIRD_PARTY_APPS = [
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "simple_history",
    "config.apps.AxesConfig",
]
LOCAL_APPS = [
    "config",
    "staffing",
    "directives",
    "tthc",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "config.middleware.RequestSizeLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.SessionTouchMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.navigation.navigation",
            ],
        },
    },
]

# Database --------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database takes concurrent saves (the week grid, its live summary, sessions): readers never
    # wait for a writer in WAL mode, a write transaction takes the write lock when it begins (BEGIN IMMEDIATE,
    # so two transactions that read first can never deadlock on the upgrade), and a writer waits up to
    # SQLITE_BUSY_TIMEOUT seconds for the lock instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.float("SQLITE_BUSY_TIMEOUT", default=20.0),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Auth ------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "public-home"

# Login throttling (django-axes): AXES_FAILURE_LIMIT failed attempts (5; 3 in the tests) lock the username
# and client address pair for an hour.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# Sessions end after SESSION_IDLE_HOURS without a request (a shared office computer left signed in).
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_HOURS", default=10) * 3600
# The idle expiry moves on at most every SESSION_TOUCH_SECONDS (config.middleware.SessionTouchMiddleware), so
# a read-only request (a page view, the week grid's live summary) writes nothing to the database.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_TOUCH_SECONDS = env.int("SESSION_TOUCH_SECONDS", default=300)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The same client address as the throttles: behind a reverse proxy (NUM_PROXIES) the proxy's own address
# would otherwise lock a user out for everyone, and a forged X-Forwarded-For must not reset the count.
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"

# Internationalisation --------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
# Overrides first: Vietnamese for Django and third-party strings their own catalogues lack (README, Development).
LOCALE_PATHS = [BASE_DIR / "locale_overrides", BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]
USE_THOUSAND_SEPARATOR = True

# Static and media ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "var" / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))


def _xstatic_dir(module_name):
    import importlib

    return importlib.import_module(module_name).BASE_DIR


STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", _xstatic_dir("xstatic.pkg.bootstrap")),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The week grid posts one field per staff member and day: a 400-staff health centre sends 2,800 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=20000)
DIRECTIVE_ATTACHMENT_MAX_BYTES = env.int("DIRECTIVE_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
# A citizen's petition (tthc.reception): one optional PDF/JPEG/PNG and a bounded text.
PETITION_ATTACHMENT_MAX_BYTES = env.int("PETITION_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024)
PETITION_CONTENT_MAX_CHARS = env.int("PETITION_CONTENT_MAX_CHARS", default=5000)
# A request body larger than this is refused with 413 from its Content-Length, before it is read
# (config.middleware.RequestSizeLimitMiddleware): the largest upload allowed above plus 1 MB for the form's
# other fields and the multipart framing.
REQUEST_MAX_BYTES = env.int(
    "REQUEST_MAX_BYTES",
    default=max(DATA_UPLOAD_MAX_MEMORY_SIZE, IMPORT_MAX_BYTES, DIRECTIVE_ATTACHMENT_MAX_BYTES) + 1024 * 1024,
)

# Forms -----------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail ----------------------------------------------------------------------
# The mail server is one URL (django-environ): smtp://user:password@host:25, smtp+tls://…:587 (STARTTLS),
# smtp+ssl://…:465 (SSL); consolemail:// prints messages on the console (the local default). Every environment
# gives up on an unresponsive server after EMAIL_TIMEOUT seconds instead of hanging a worker.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=15)
# The outbox (staffing/outbox): every e-mail is a row committed first, then delivered by a Celery task that
# retries a failure after about OUTBOX_RETRY_BACKOFF × 2^n seconds (random jitter, at most
# OUTBOX_RETRY_BACKOFF_MAX) up to OUTBOX_MAX_RETRIES times, then marks it failed. A message left "sending"
# longer than OUTBOX_STALE_SECONDS (its worker died) is handed back by the sweep every 5 minutes.
OUTBOX_RETRY_BACKOFF = env.int("OUTBOX_RETRY_BACKOFF", default=60)
OUTBOX_RETRY_BACKOFF_MAX = env.int("OUTBOX_RETRY_BACKOFF_MAX", default=1800)
OUTBOX_MAX_RETRIES = env.int("OUTBOX_MAX_RETRIES", default=10)
OUTBOX_STALE_SECONDS = env.int("OUTBOX_STALE_SECONDS", default=600)
OUTBOX_SWEEP_GRACE_SECONDS = env.int("OUTBOX_SWEEP_GRACE_SECONDS", default=60)
OUTBOX_TASK_SOFT_TIME_LIMIT = env.int("OUTBOX_TASK_SOFT_TIME_LIMIT", default=EMAIL_TIMEOUT * 4 + 30)
OUTBOX_TASK_TIME_LIMIT = env.int("OUTBOX_TASK_TIME_LIMIT", default=EMAIL_TIMEOUT * 4 + 60)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="UBND huyện <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery ----------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_DIR = VAR_DIR / "broker"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # A task taken by a worker that died (acks_late) goes back to the queue after this many seconds; longer
    # than the longest retry wait of the outbox (OUTBOX_RETRY_BACKOFF_MAX), or a waiting retry would run twice.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)
    }
else:
    # No server needed: kombu's filesystem transport keeps messages as files under var/broker.
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_BROKER_DIR / "queue"),
        "data_folder_out": str(CELERY_BROKER_DIR / "queue"),
        "processed_folder": str(CELERY_BROKER_DIR / "processed"),
        "control_folder": str(CELERY_BROKER_DIR / "control"),
        # Folders are polled: a short interval lets a stopping worker leave within a second.
        "polling_interval": env.float("CELERY_POLLING_INTERVAL", default=0.25),
    }
CELERY_RESULT_BACKEND = None

# The cache holds throttle counters (public look-ups, API): shared by every process through Redis when
# there is one, per process otherwise.
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TASK_ALWAYS_EAGER = False
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Every task: acknowledged after it ran (a worker that dies mid-task leaves it to be delivered again; the
# tasks are idempotent), and stopped by a soft then a hard time limit rather than hanging a worker.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=300)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=360)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

# REST API --------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Reverse proxies in front of the web processes (0: none, clients connect directly).
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "DEFAULT_THROTTLE_RATES": {
        "public_lookup": env("PUBLIC_LOOKUP_RATE", default="20/min"),
        "public_filing": env("PUBLIC_FILING_RATE", default="5/hour"),
        "public_catalogue": env("PUBLIC_CATALOGUE_RATE", default="600/min"),
        "open_data": env("OPEN_DATA_RATE", default="60/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Work-mode administration API",
    "DESCRIPTION": "Directives, work modes and administrative procedures of the district.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Agencies and documents both have a "kind": name each choice set after its own class.
    "ENUM_NAME_OVERRIDES": {
        "AgencyKindEnum": "staffing.registry.constants.AgencyKind",
        "DocumentKindEnum": "directives.documents.constants.DocumentKind",
        "DocumentStatusEnum": "directives.documents.constants.DocumentStatus",
        "DossierStatusEnum": "tthc.dossiers.constants.DossierStatus",
        "ChannelEnum": "tthc.intake.constants.Channel",
        "InspectionTeamKindEnum": "staffing.inspections.constants.TeamKind",
        "ModeEnum": "staffing.workmodes.constants.WorkModeKind",
        "CheckModeEnum": "staffing.company_checks.constants.CheckMode",
        "CheckOutcomeEnum": "staffing.company_checks.constants.Outcome",
        "SectorEnum": "staffing.companies.constants.Sector",
    },
}

# District (configuration, not code) -------------------------------------------
DISTRICT_NAME = env("DISTRICT_NAME", default="Huyện Củ Chi")
DISTRICT_CODE = env("DISTRICT_CODE", default="783")
DISTRICT_PROVINCE = env("DISTRICT_PROVINCE", default="Thành phố Hồ Chí Minh")
# Postage (VND) booked for a free postal return when the officer enters none (clause 3.2 of 2629/UBND).
TTHC_FREE_POSTAGE_FLAT_RATE = env.int("TTHC_FREE_POSTAGE_FLAT_RATE", default=26000)


# Where people open the product: links in e-mails (reports, reminders) start with it.
# Unset, it is the address `make run` serves on (HOST and PORT, as the Makefile passes them).
def _served_url():
    host = env("HOST", default="127.0.0.1")
    host = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(host, host)
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{env('PORT', default='8000')}"


SITE_URL = env("SITE_URL", default=_served_url())

# Every date the product reads (forms, filters, links, the API, imports) lies in this range.
DATE_MIN = datetime.date.fromisoformat(env("DATE_MIN", default="2000-01-01"))
DATE_MAX = datetime.date.fromisoformat(env("DATE_MAX", default="2100-12-31"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Periodic tasks: django-celery-beat copies these into its tables at start-up (editable in the admin).
CELERY_BEAT_SCHEDULE = {
    "Hệ thống: ghi nhận tiến trình xử lý đang chạy (mỗi 60 giây)": {
        "task": "staffing.tasks.worker_heartbeat",
        "schedule": 60.0,
        "description": "Không gửi cho ai: ghi lại rằng tiến trình xử lý nền (worker) còn hoạt động.",
    },
    "Nhắc việc: nhiệm vụ theo văn bản sắp đến hạn hoặc quá hạn (07:30)": {
        "task": "directives.tasks.send_obligation_reminders",
        "schedule": crontab(hour=7, minute=30),
        "description": "Trưởng đơn vị (hoặc địa chỉ thư của đơn vị): nhiệm vụ sắp đến hạn hoặc đã quá hạn.",
    },
    "Báo cáo: tình hình thực hiện hằng ngày (17:00)": {
        "task": "directives.tasks.send_daily_compliance_report",
        "schedule": crontab(hour=17, minute=0),
        "description": "Văn phòng HĐND và UBND huyện, lãnh đạo huyện: báo cáo trong ngày, kèm tệp Excel.",
    },
    # Mondays: last week's summary (per agency: days over the cap, days without a plan, dossiers overdue).
    "Báo cáo: tổng hợp tuần trước (thứ Hai 07:00)": {
        "task": "directives.tasks.send_weekly_compliance_summary",
        "schedule": crontab(hour=7, minute=0, day_of_week="mon"),
        "description": "Văn phòng HĐND và UBND huyện, lãnh đạo huyện: tổng hợp tuần trước theo đơn vị, kèm tệp Excel.",
    },
    # E-mails whose task was lost (a worker died, the broker restarted) are queued again.
    "Hệ thống: gửi lại thư điện tử đang chờ (mỗi 5 phút)": {
        "task": "staffing.outbox.sweep_outbox",
        "schedule": 300.0,
        "description": "Không gửi cho ai: xếp lại vào hàng đợi các thư điện tử đến lượt gửi lại hoặc bị gián đoạn.",
    },
    "Nhắc việc: đơn vị chưa có lịch làm việc tuần sau (thứ Sáu 14:00)": {
        "task": "staffing.tasks.send_planning_reminders",
        "schedule": crontab(hour=14, minute=0, day_of_week="fri"),
        "description": "Trưởng đơn vị, Chủ tịch UBND xã: đơn vị có công chức mà chưa lập lịch tuần sau.",
    },
    # In-app notifications (and their e-mails): django-celery-beat shows these names in the admin, so they
    # are written in Vietnamese; each task skips the days that are not working days where the rule says so.
    "Thông báo: đơn vị chưa có lịch ngày làm việc tiếp theo hoặc vượt tỷ lệ (16:00)": {
        "task": "staffing.tasks.notify_tomorrow_plans",
        "schedule": crontab(hour=16, minute=0),
        "description": "Trưởng đơn vị, Chủ tịch UBND xã: ngày làm việc tiếp theo chưa có lịch hoặc vượt tỷ lệ.",
    },
    "Thông báo: người làm việc tại nhà chưa báo cáo tiến độ (16:30)": {
        "task": "staffing.tasks.notify_missing_progress_reports",
        "schedule": crontab(hour=16, minute=30),
        "description": "Công chức làm việc tại nhà hôm nay chưa gửi báo cáo tiến độ.",
    },
    "Thông báo: công việc sắp đến hạn hoặc quá hạn (07:45)": {
        "task": "staffing.tasks.notify_assignments_due",
        "schedule": crontab(hour=7, minute=45),
        "description": "Người được giao việc: việc đến hạn vào ngày làm việc tiếp theo hoặc đã quá hạn.",
    },
    "Thông báo: công việc có thời hạn luật định bị chậm (08:00)": {
        "task": "staffing.tasks.notify_stalled_work",
        "schedule": crontab(hour=8, minute=0),
        "description": "Trưởng đơn vị, Chủ tịch UBND xã và Văn phòng HĐND và UBND huyện: việc có thời hạn luật "
        "định quá hạn hoặc sắp đến hạn mà không có báo cáo tiến độ gần đây.",
    },
    "Thông báo: hồ sơ TTHC sắp đến hạn hoặc quá hạn (07:45)": {
        "task": "tthc.tasks.notify_dossiers_due",
        "schedule": crontab(hour=7, minute=45),
        "description": "Cán bộ một cửa: hồ sơ đến hạn vào ngày làm việc tiếp theo hoặc đã quá hạn.",
    },
    "Thông báo: đoàn kiểm tra cần tạm dừng (07:45)": {
        "task": "staffing.tasks.notify_teams_to_suspend",
        "schedule": crontab(hour=7, minute=45),
        "description": "Trưởng đơn vị: đoàn kiểm tra không cần thiết phải tạm dừng theo chính sách đang áp dụng.",
    },
    "Thông báo: kiến nghị, phản ánh sắp đến hạn hoặc quá hạn (07:45)": {
        "task": "tthc.tasks.notify_petitions_due",
        "schedule": crontab(hour=7, minute=45),
        "description": "Trưởng đơn vị, Chủ tịch UBND xã: kiến nghị đến hạn vào ngày làm việc tiếp theo hoặc đã quá hạn.",
    },
    "Thông báo: việc theo dõi doanh nghiệp sắp đến hạn hoặc quá hạn (07:45)": {
        "task": "staffing.tasks.notify_company_follow_ups",
        "schedule": crontab(hour=7, minute=45),
        "description": "Chủ tịch UBND xã: kiểm tra lại doanh nghiệp đến hạn trong 7 ngày tới hoặc đã quá hạn.",
    },
    "Thông báo: đơn vị vượt tỷ lệ hoặc chưa có lịch hôm nay (09:00)": {
        "task": "staffing.tasks.notify_district_day",
        "schedule": crontab(hour=9, minute=0),
        "description": "Văn phòng HĐND và UBND huyện: đơn vị vượt tỷ lệ hoặc chưa có lịch làm việc hôm nay.",
    },
    # Next year's holidays from the holiday library, and a word to the district office (sent once a year).
    "Hệ thống: nạp ngày nghỉ lễ năm sau (hằng ngày trong tháng 12, 06:00)": {
        "task": "tthc.calendar.load_next_year",
        "schedule": crontab(hour=6, minute=0, month_of_year=12),
        "description": "Văn phòng HĐND và UBND huyện: một thư mỗi năm khi lịch ngày nghỉ năm sau đã được nạp.",
    },
}

# `make run` (manage.py run_embedded): seconds each process has to stop on Ctrl-C before it is killed.
RUN_STOP_GRACE_SECONDS = env.float("RUN_STOP_GRACE_SECONDS", default=20)
