#!/bin/sh
# Installs Scrutineer from this checkout for systemd (docs/operations.md §3):
#   PREFIX/app         the code, its production node_modules and the built web app
#   PREFIX/bin/scrutineer
#   SYSTEMD_DIR/       scrutineer@.service (one per port), the WAL receiver, the base backup + timer
#   CONFIG_DIR/        scrutineer.env and backup.env (0640, kept if present) and
#                      board-secrets.key (0600, made once, never overwritten)
#
# Usage: deploy/install.sh [--prefix /opt/scrutineer] [--systemd-dir /etc/systemd/system]
#          [--config-dir /etc/scrutineer] [--node-modules-from DIR] [--no-user]
# --node-modules-from links an existing node_modules instead of running `npm ci` (offline
# installs, tests); --no-user skips creating the `scrutineer` system account and chown.
set -eu

PREFIX=/opt/scrutineer
SYSTEMD_DIR=/etc/systemd/system
CONFIG_DIR=/etc/scrutineer
NODE_MODULES_FROM=
CREATE_USER=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=$2; shift 2 ;;
    --systemd-dir) SYSTEMD_DIR=$2; shift 2 ;;
    --config-dir) CONFIG_DIR=$2; shift 2 ;;
    --node-modules-from) NODE_MODULES_FROM=$2; shift 2 ;;
    --no-user) CREATE_USER=no; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$PREFIX" in /*) ;; *) echo "install.sh: --prefix must be absolute" >&2; exit 2 ;; esac

SOURCE=$(cd "$(dirname "$0")/.." && pwd)
APP="$PREFIX/app"
command -v node >/dev/null || { echo "install.sh: Node.js 20.19 or later is needed" >&2; exit 1; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  { echo "install.sh: Node.js 20.19 or later is needed (found $(node --version))" >&2; exit 1; }

echo "Installing Scrutineer from $SOURCE into $PREFIX"
mkdir -p "$APP" "$PREFIX/bin"
# The tracked files only (no node_modules, no local data, no secrets lying in the checkout).
if git -C "$SOURCE" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$SOURCE" ls-files -z | (cd "$SOURCE" && xargs -0 tar cf -) | (cd "$APP" && tar xf -)
else
  (cd "$SOURCE" && tar cf - --exclude=./node_modules --exclude=./scrutineer-data --exclude=./demo-out .) |
    (cd "$APP" && tar xf -)
fi

if [ -n "$NODE_MODULES_FROM" ]; then
  # Every package linked; the workspaces (@scrutineer/*) point into this install's own code.
  rm -rf "$APP/node_modules"
  mkdir -p "$APP/node_modules/@scrutineer"
  for entry in "$NODE_MODULES_FROM"/* "$NODE_MODULES_FROM"/.bin; do
    name=$(basename "$entry")
    [ "$name" = "@scrutineer" ] && continue
    ln -s "$entry" "$APP/node_modules/$name"
  done
  for workspace in "$APP"/apps/* "$APP"/packages/*; do
    name=$(node -p "require('$workspace/package.json').name.split('/')[1]")
    ln -s "../../${workspace#"$APP"/}" "$APP/node_modules/@scrutineer/$name"
  done
else
  (cd "$APP" && npm ci --no-audit --no-fund)
fi

echo "Building the web app and the native ristretto255 addon (if a compiler and libdecaf are present)"
(cd "$APP" && node packages/crypto/scripts/build-native.mjs --if-possible)
(cd "$APP" && node_modules/.bin/tsx apps/web/src/build/build-web.ts >/dev/null)
[ -f "$APP/apps/web/dist/index.html" ] || { echo "install.sh: the web build failed" >&2; exit 1; }

cat >"$PREFIX/bin/scrutineer" <<WRAPPER
#!/bin/sh
exec node "$APP/apps/cli/bin/scrutineer.mjs" "\$@"
WRAPPER
chmod 0755 "$PREFIX/bin/scrutineer"

mkdir -p "$SYSTEMD_DIR"
for unit in "$SOURCE"/deploy/systemd/*.in; do
  target="$SYSTEMD_DIR/$(basename "$unit" .in)"
  sed -e "s|@PREFIX@|$PREFIX|g" -e "s|@CONFIG@|$CONFIG_DIR|g" "$unit" >"$target"
  chmod 0644 "$target"
done

mkdir -p "$CONFIG_DIR"
chmod 0750 "$CONFIG_DIR"
umask 077
if [ ! -f "$CONFIG_DIR/scrutineer.env" ]; then
  sed -e "s|@CONFIG@|$CONFIG_DIR|g" "$SOURCE/deploy/scrutineer.env.example" >"$CONFIG_DIR/scrutineer.env"
  chmod 0640 "$CONFIG_DIR/scrutineer.env"
fi
if [ ! -f "$CONFIG_DIR/backup.env" ]; then
  cp "$SOURCE/deploy/backup.env.example" "$CONFIG_DIR/backup.env"
  chmod 0640 "$CONFIG_DIR/backup.env"
fi
if [ ! -f "$CONFIG_DIR/board-secrets.key" ]; then
  # 32 random bytes, hex: seals the board's keys at rest (docs/deployment.md §6). Back it up
  # apart from the database: without it the server cannot run its elections.
  node -e 'process.stdout.write(require("node:crypto").randomBytes(32).toString("hex") + "\n")' \
    >"$CONFIG_DIR/board-secrets.key"
  chmod 0600 "$CONFIG_DIR/board-secrets.key"
fi

if [ "$CREATE_USER" = yes ]; then
  id scrutineer >/dev/null 2>&1 ||
    useradd --system --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin scrutineer
  chown root:scrutineer "$CONFIG_DIR" "$CONFIG_DIR/scrutineer.env"
  chown scrutineer:scrutineer "$CONFIG_DIR/board-secrets.key"
  chown -R root:root "$APP"
fi

cat <<NEXT
Installed. Next (docs/operations.md):
  1. Edit $CONFIG_DIR/scrutineer.env (database URL, operator key hash) and $CONFIG_DIR/backup.env.
  2. systemctl daemon-reload
  3. systemctl enable --now scrutineer-wal-receiver scrutineer-base-backup.timer
  4. systemctl enable --now scrutineer@8081 scrutineer@8082
  5. curl -fsS http://127.0.0.1:8081/api/ready
NEXT
