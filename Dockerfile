# iscg-mailbot worker. Config and data are volumes; secrets come from the environment
# (e.g. --env ISCG_IMAP_PASSWORD=...) or a mounted secret file named in the config.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ISCG_CONFIG=/config

# Installed from the committed lock (exact versions, hashes checked), then the package
# itself without dependencies, so a new release of anything cannot change the image.
# The lock includes the postgres extra (psycopg): the image runs on SQLite or PostgreSQL.
# The package carries the migrations and the default config (see pyproject.toml);
# tests/test_packaging.py builds the wheel from these same files and runs it.
WORKDIR /app
COPY requirements/app.txt ./requirements/app.txt
RUN pip install --no-cache-dir --require-hashes -r requirements/app.txt
COPY pyproject.toml README.md ./
COPY iscg_mailbot ./iscg_mailbot
COPY migrations ./migrations
COPY config ./config
RUN pip install --no-cache-dir --no-deps --no-build-isolation . \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin mailbot \
    && mkdir -p /data /config \
    && chown mailbot:mailbot /data

COPY config /config
USER mailbot
WORKDIR /data
VOLUME ["/config", "/data"]
# The website (iscg-mailbot serve, see compose.yaml) listens here.
EXPOSE 8000

# Healthy while the worker holds its lease on the database (renewed every few seconds).
HEALTHCHECK --interval=5m --timeout=30s --start-period=2m \
    CMD ["iscg-mailbot", "health"]

# Applies pending migrations, then runs the scheduler until SIGTERM.
CMD ["sh", "-c", "iscg-mailbot db upgrade && exec iscg-mailbot run"]
