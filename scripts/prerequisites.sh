#!/usr/bin/env bash
# Installs or starts what `make run` / `make test` need, or stops with one sentence saying what
# to install. Usage: scripts/prerequisites.sh run|test
set -euo pipefail

purpose=${1:?usage: scripts/prerequisites.sh run|test}
apt_updated=no

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

apt_install() {
  if [ "$apt_updated" = no ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

require_command() { # command, Debian package, sentence for those who cannot apt-get
  local command=$1 package=$2 advice=$3
  command -v "$command" >/dev/null 2>&1 && return 0
  if can_apt; then
    echo "Installing $package (needed for $command)..."
    apt_install "$package"
    command -v "$command" >/dev/null 2>&1 && return 0
  fi
  echo "$advice" >&2
  exit 1
}

java_major() { java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }

if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  if can_apt; then
    echo "Installing a Java 17 JDK..."
    apt_install openjdk-17-jdk-headless
  else
    echo "Java 17 or newer is required: install a JDK 17+ (e.g. 'sudo apt-get install openjdk-17-jdk-headless') and put java on PATH." >&2
    exit 1
  fi
fi

node_ok() { command -v npm >/dev/null 2>&1 && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; }
if ! node_ok; then
  echo "Node.js 20.19 or newer with npm is required to build the web UI: install it (e.g. from https://nodejs.org or your distribution's nodejs 20+ package) and put node and npm on PATH." >&2
  exit 1
fi

require_command ffprobe ffmpeg \
  "ffmpeg and ffprobe are required to read and convert videos: install them (e.g. 'sudo apt-get install ffmpeg') or set FFMPEG_PATH and FFPROBE_PATH."

if [ "$purpose" = test ]; then
  require_command pg_isready postgresql-client \
    "The tests need PostgreSQL 15+ on 127.0.0.1:5432 (user postgres, trust auth): install it (e.g. 'sudo apt-get install postgresql')."
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      echo "Starting PostgreSQL..."
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
      for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    fi
    if ! pg_isready -q -h 127.0.0.1 -p 5432; then
      echo "The tests need PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), and none answers there: start it, or point TEST_POSTGRES_URL at one." >&2
      exit 1
    fi
  fi

  if [ -z "${CHROMIUM_PATH:-}" ]; then
    require_command chromium chromium \
      "The browser tests need Chromium: install it (e.g. 'sudo apt-get install chromium chromium-driver') or set CHROMIUM_PATH."
  fi
  if [ -z "${CHROMEDRIVER_PATH:-}" ]; then
    require_command chromedriver chromium-driver \
      "The browser tests need Chromium's driver: install it (e.g. 'sudo apt-get install chromium-driver') or set CHROMEDRIVER_PATH."
  fi

  # the status lines' ✅ and ❌ in the browser tests' screenshots (cosmetic: skipped without apt)
  if can_apt && ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
    echo "Installing fonts-noto-color-emoji (emoji in the browser tests' screenshots)..."
    apt_install fonts-noto-color-emoji
  fi

  require_command redis-server redis-server \
    "The tests need Redis 7 on 127.0.0.1:6379: install it (e.g. 'sudo apt-get install redis-server')."
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    echo "Starting Redis..."
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
    if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
      echo "The tests need Redis on 127.0.0.1:6379 and it did not start: start it, or point TEST_REDIS_URL at one." >&2
      exit 1
    fi
  fi
fi
