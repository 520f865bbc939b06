#!/bin/sh
# Installs biosched for a deployment (docs/deployment.md, "Installing the programs"):
#
#   scripts/install.sh [options] [PREFIX]          PREFIX defaults to /usr/local
#
#   --user NAME        the service account (default biosched): the only OS account that writes the store
#   --store PATH       the store (default /srv/biosched/store.sqlite)
#   --sshd-dir DIR     where deploy/sshd_config.d/biosched.conf goes (default /etc/ssh/sshd_config.d)
#   --systemd-dir DIR  where the units of deploy/systemd go (default /etc/systemd/system)
#   --binaries DIR     install biosched and biosched-authorized-keys from DIR instead of building
#                      release binaries (no man page then); the end-to-end tests use a debug build
#   --now TIMESTAMP    a fixed clock in the key lookup's forced commands (training stores only)
#
# It builds the release binaries (unless --binaries), then installs into PREFIX: bin/biosched and
# bin/biosched-authorized-keys, libexec/biosched/authorized-keys (sshd's AuthorizedKeysCommand,
# from deploy/authorized-keys), the man page and shell completions; and the sshd configuration
# and systemd units of deploy/, with the paths and the account filled in. Every file is
# root-owned and not writable by group or others (sshd requires it of the key lookup and of every
# folder above it). Values are checked against strict patterns before they are written into a
# configuration line: nothing is pasted that would need quoting. Run it as root from the
# repository's folder. It creates no account and no store: docs/deployment.md does, step by step.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
user=biosched
store=/srv/biosched/store.sqlite
sshd_dir=/etc/ssh/sshd_config.d
systemd_dir=/etc/systemd/system
binaries=
now=
prefix=/usr/local
die() { echo "install.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --user) [ $# -ge 2 ] || die "--user needs a value"; user=$2; shift 2 ;;
    --store) [ $# -ge 2 ] || die "--store needs a value"; store=$2; shift 2 ;;
    --sshd-dir) [ $# -ge 2 ] || die "--sshd-dir needs a value"; sshd_dir=$2; shift 2 ;;
    --systemd-dir) [ $# -ge 2 ] || die "--systemd-dir needs a value"; systemd_dir=$2; shift 2 ;;
    --binaries) [ $# -ge 2 ] || die "--binaries needs a value"; binaries=$2; shift 2 ;;
    --now) [ $# -ge 2 ] || die "--now needs a value"; now=$2; shift 2 ;;
    -*) die "unknown option $1 (expected --user, --store, --sshd-dir, --systemd-dir, --binaries, --now)" ;;
    *) prefix=$1; shift ;;
  esac
done
# Absolute paths of plain characters only (they go into sshd and systemd lines as they are).
plain_path() {
  case "$2" in
    /*) ;;
    *) die "$1 must be an absolute path, got: $2" ;;
  esac
  case "$2" in
    *[!A-Za-z0-9/._-]*|*//*|*/./*|*/../*|*/.|*/..) die "$1 may hold only letters, digits, '/', '.', '_' and '-' in normal form, got: $2" ;;
  esac
}
plain_path PREFIX "$prefix"
plain_path --store "$store"
plain_path --sshd-dir "$sshd_dir"
plain_path --systemd-dir "$systemd_dir"
case "$user" in
  [a-z_]*) ;;
  *) die "--user must be a login name ([a-z_][a-z0-9_-]*), got: $user" ;;
esac
case "$user" in
  *[!a-z0-9_-]*) die "--user must be a login name ([a-z_][a-z0-9_-]*), got: $user" ;;
esac
[ ${#user} -le 32 ] || die "--user is longer than 32 characters"
now_arg=
if [ -n "$now" ]; then
  # Timestamp.parse's shape: 2026-12-01T09:00:00Z or with an offset; biosched checks it again.
  echo "$now" | grep -Eqx '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})' \
    || die "--now expects an ISO 8601 time such as 2026-12-01T09:00:00Z, got: $now"
  now_arg=" --now $now"
fi

built=
if [ -z "$binaries" ]; then
  built=1
  cd "$here"
  swift build -c release --product biosched  # statically linked Swift runtime: Package.swift
  swift build -c release --product biosched-authorized-keys
  binaries=$(swift build -c release --show-bin-path)
fi
for program in biosched biosched-authorized-keys; do
  [ -x "$binaries/$program" ] || die "no $program in $binaries"
done

umask 022
libexec="$prefix/libexec/biosched"
install -d -o root -g root -m 0755 "$prefix/bin" "$libexec" "$sshd_dir" "$systemd_dir" "$prefix/share/man/man1" \
  "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -o root -g root -m 0755 "$binaries/biosched" "$binaries/biosched-authorized-keys" "$prefix/bin/"

# deploy/ with the values filled in (each checked above).
render() {
  sed -e "s|@BIOSCHED_USER@|$user|g" -e "s|@BIOSCHED_BIN@|$prefix/bin|g" -e "s|@BIOSCHED_LIBEXEC@|$libexec|g" \
      -e "s|@BIOSCHED_STORE@|$store|g" -e "s|@BIOSCHED_STORE_DIR@|$(dirname "$store")|g" -e "s|@BIOSCHED_NOW@|$now_arg|g" "$1"
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
render "$here/deploy/authorized-keys" > "$tmp/authorized-keys"
install -o root -g root -m 0755 "$tmp/authorized-keys" "$libexec/authorized-keys"
render "$here/deploy/sshd_config.d/biosched.conf" > "$tmp/biosched.conf"
install -o root -g root -m 0644 "$tmp/biosched.conf" "$sshd_dir/biosched.conf"
for unit in "$here"/deploy/systemd/*; do
  render "$unit" > "$tmp/unit"
  install -o root -g root -m 0644 "$tmp/unit" "$systemd_dir/$(basename "$unit")"
done

if [ -n "$built" ]; then
  # The man page, generated from the same command definitions as --help.
  man=$tmp/man
  mkdir "$man"
  (cd "$here" && swift package --allow-writing-to-directory "$man" generate-manual --output-directory "$man")
  install -o root -g root -m 0644 "$man/biosched.1" "$prefix/share/man/man1/biosched.1"
fi
# Completions, generated by the binary itself.
"$prefix/bin/biosched" --generate-completion-script bash > "$prefix/share/bash-completion/completions/biosched"
"$prefix/bin/biosched" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_biosched"
"$prefix/bin/biosched" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/biosched.fish"
echo "installed biosched $("$prefix/bin/biosched" --version) in $prefix; sshd: $sshd_dir/biosched.conf; systemd: $systemd_dir"
