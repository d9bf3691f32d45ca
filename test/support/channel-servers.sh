#!/usr/bin/env bash
# The local stand-ins for the batch channel that the integration tests upload to, on loopback only:
#   SFTP  sftp://easrchannel:easr-channel-test@127.0.0.1:2222   (our own sshd, internal-sftp)
#   FTPS  ftps://easrchannel:easr-channel-test@127.0.0.1:2121   (our own vsftpd, explicit TLS required)
# test/support/channel-servers.ts holds the same facts for the tests; `.ci/run` calls this script.
#
# Safe to run again and again: it installs, creates and starts only what is missing, and restarts a server
# of ours only when its configuration changed. Everything of ours (host keys, TLS certificate, configs, pid
# files, logs, authorized keys) is in /var/lib/easr-channel-test/; the machine's own sshd and vsftpd are
# neither used nor left running.
set -euo pipefail

readonly STATE=/var/lib/easr-channel-test
readonly CHANNEL_USER=easrchannel
readonly CHANNEL_PASSWORD=easr-channel-test
readonly CHANNEL_HOME=/home/easrchannel
readonly HOST=127.0.0.1
readonly SFTP_PORT=2222
readonly FTPS_PORT=2121
readonly PASV_MIN=2130
readonly PASV_MAX=2149
readonly WAIT_SECONDS=15

readonly SSHD_CONFIG=$STATE/sshd_config
readonly VSFTPD_CONFIG=$STATE/vsftpd.conf
readonly TLS_CERT=$STATE/tls.crt
readonly TLS_KEY=$STATE/tls.key

say() { echo "channel-servers: $*"; }
die() {
  echo "channel-servers: $*" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || die "run me as root: I install packages, add the test user and start the servers"

# --- packages ---------------------------------------------------------------------------------------------

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

# The packages' maintainer scripts would start the system's sshd (port 22) and vsftpd (port 21): a
# policy-rc.d that answers 101 ("action forbidden") stops them, for sysvinit and systemd alike. One already
# there (Docker images have one) is left as it is.
install_packages() {
  local missing=() package
  for package in openssh-server vsftpd; do installed "$package" || missing+=("$package"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  local own_policy=no
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# channel-servers.sh: no service starts while it installs packages\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=yes
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  local status=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } ||
    status=$?
  if [ "$own_policy" = yes ]; then
    rm -f /usr/sbin/policy-rc.d
    trap - EXIT
  fi
  [ "$status" -eq 0 ] || die "could not install ${missing[*]} (apt-get exited with $status)"
  for package in "${missing[@]}"; do
    case $package in
      openssh-server) quiet_system_service ssh /usr/sbin/sshd 22 ;;
      vsftpd) quiet_system_service vsftpd /usr/sbin/vsftpd 21 ;;
    esac
  done
}

# The system service of a package we just installed stays off, now and after a reboot: the test user has a
# published password. Should it have started anyway, its listener is stopped by its pid.
quiet_system_service() {
  local service=$1 program=$2 port=$3 pid
  if [ -d /run/systemd/system ]; then
    systemctl disable --now --quiet "$service.service" 2>/dev/null || true
    if [ "$service" = ssh ]; then systemctl disable --now --quiet ssh.socket 2>/dev/null || true; fi
  else
    update-rc.d "$service" disable >/dev/null 2>&1 || true
  fi
  for pid in $(listener_pids "$port"); do
    if [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$program" ]; then kill "$pid" 2>/dev/null || true; fi
  done
}

# --- the test user ----------------------------------------------------------------------------------------

password_is_set() {
  local hash salt
  hash=$(getent shadow "$CHANNEL_USER" | cut -d: -f2)
  [[ $hash == "\$6\$"* ]] || return 1
  salt=$(cut -d'$' -f3 <<<"$hash")
  [ "$(openssl passwd -6 -salt "$salt" "$CHANNEL_PASSWORD")" = "$hash" ]
}

ensure_user() {
  if ! id -u "$CHANNEL_USER" >/dev/null 2>&1; then
    say "adding user $CHANNEL_USER"
    # A login shell from /etc/shells: vsftpd's PAM stack (pam_shells) refuses any other.
    useradd --create-home --home-dir "$CHANNEL_HOME" --shell /bin/bash "$CHANNEL_USER"
  fi
  [ "$(getent passwd "$CHANNEL_USER" | cut -d: -f7)" = /bin/bash ] || usermod --shell /bin/bash "$CHANNEL_USER"
  # SHA-512 so that the check above can recompute it with openssl and leave /etc/shadow alone next time.
  password_is_set || echo "$CHANNEL_USER:$CHANNEL_PASSWORD" | chpasswd --crypt-method SHA512
  # The user owns the home; the tests, as root, make their folders in it and hand them over.
  install -d -o "$CHANNEL_USER" -g "$(id -g "$CHANNEL_USER")" -m 0755 "$CHANNEL_HOME"
  # /etc/ftpusers is the deny list of vsftpd's PAM service.
  if grep -qx "$CHANNEL_USER" /etc/ftpusers 2>/dev/null; then sed -i "/^$CHANNEL_USER\$/d" /etc/ftpusers; fi
  # The machine's own sshd, if it ever runs, must not let the test user in with its published password.
  if [ -d /etc/ssh/sshd_config.d ]; then
    write_if_changed /etc/ssh/sshd_config.d/easr-channel-test.conf <<<"# channel-servers.sh: the test user logs in only on its own test server, never here
DenyUsers $CHANNEL_USER" || true
  fi
}

# --- our files --------------------------------------------------------------------------------------------

# write_if_changed FILE < content: writes FILE only when its content differs; succeeds when it wrote.
write_if_changed() {
  local file=$1 content
  content=$(cat)
  [ -f "$file" ] && [ "$(cat "$file")" = "$content" ] && return 1
  printf '%s\n' "$content" >"$file.new"
  mv "$file.new" "$file"
}

# New host keys need a restart of sshd; set by ensure_keys.
keys_changed=no

ensure_keys() {
  # 0755: sshd reads authorized_keys/<user> as that user; the private keys themselves are 0600.
  install -d -m 0755 "$STATE" "$STATE/authorized_keys"
  local type
  for type in ed25519 rsa; do
    if [ ! -s "$STATE/ssh_host_${type}_key" ]; then
      rm -f "$STATE/ssh_host_${type}_key" "$STATE/ssh_host_${type}_key.pub"
      ssh-keygen -q -t "$type" -N "" -C easr-channel-test -f "$STATE/ssh_host_${type}_key"
      keys_changed=yes
    fi
  done
  # Self-signed, for 127.0.0.1 and localhost, so that a client can trust exactly this file (tls.crt).
  # vsftpd reads it at every TLS login: a renewed one needs no restart.
  if [ ! -s "$TLS_KEY" ] || ! openssl x509 -checkend $((30 * 86400)) -noout -in "$TLS_CERT" >/dev/null 2>&1; then
    say "making the TLS certificate $TLS_CERT"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=easr-channel-test" \
      -addext "subjectAltName=IP:$HOST,DNS:localhost" -keyout "$TLS_KEY" -out "$TLS_CERT" 2>/dev/null
    chmod 600 "$TLS_KEY"
    chmod 644 "$TLS_CERT"
  fi
  # sshd's privilege separation directory and vsftpd's empty, root-owned, unwritable secure_chroot_dir.
  install -d -m 0755 /run/sshd
  install -d -m 0555 "$STATE/vsftpd-empty"
}

sshd_config() {
  cat <<EOF
# Written by test/support/channel-servers.sh, which rewrites it (and restarts sshd) when it changes.
Port $SFTP_PORT
ListenAddress $HOST
HostKey $STATE/ssh_host_ed25519_key
HostKey $STATE/ssh_host_rsa_key
PidFile $STATE/sshd.pid
AllowUsers $CHANNEL_USER
PermitRootLogin no
PasswordAuthentication yes
PubkeyAuthentication yes
KbdInteractiveAuthentication no
# The tests write the key file as root; with StrictModes its owner and modes would have to be the user's.
AuthorizedKeysFile $STATE/authorized_keys/%u
StrictModes no
# Without PAM sshd checks the password against /etc/shadow itself, and no PAM session module is involved.
UsePAM no
PrintMotd no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no
PermitTunnel no
# Integration suites run in parallel and open many connections at once.
MaxStartups 100:30:200
LogLevel VERBOSE
Subsystem sftp internal-sftp -u 022 -l INFO
EOF
}

vsftpd_config() {
  cat <<EOF
# Written by test/support/channel-servers.sh, which rewrites it (and restarts vsftpd) when it changes.
listen=YES
listen_ipv6=NO
listen_address=$HOST
listen_port=$FTPS_PORT
# In the foreground: start-stop-daemon detaches it and keeps its pid (vsftpd writes no pid file).
background=NO
ftpd_banner=easr channel test server
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=077
# No chroot: the tests name absolute paths such as $CHANNEL_HOME/t-.../IN.
chroot_local_user=NO
userlist_enable=YES
userlist_deny=NO
userlist_file=$STATE/vsftpd.users
pam_service_name=vsftpd
secure_chroot_dir=$STATE/vsftpd-empty
ssl_enable=YES
rsa_cert_file=$TLS_CERT
rsa_private_key_file=$TLS_KEY
allow_anon_ssl=NO
force_local_logins_ssl=YES
force_local_data_ssl=YES
# vsftpd 3.0.3 can only switch off SSLv2, SSLv3 and TLS 1.0; OPENSSL_CONF ($STATE/openssl.cnf) sets
# the minimum to TLS 1.2, and these ciphers are TLS 1.2 ones (TLS 1.3 has its own).
ssl_sslv2=NO
ssl_sslv3=NO
ssl_tlsv1=NO
ssl_ciphers=ECDHE+AESGCM:ECDHE+CHACHA20
# A data connection must resume the control connection's TLS session (else 522), as on FTPS servers that
# guard against stolen data connections: basic-ftp 6 does, on TLS 1.2 and 1.3 (curl --no-sessionid does not).
require_ssl_reuse=YES
pasv_enable=YES
pasv_address=$HOST
pasv_min_port=$PASV_MIN
pasv_max_port=$PASV_MAX
xferlog_enable=YES
xferlog_std_format=NO
log_ftp_protocol=YES
vsftpd_log_file=$STATE/vsftpd.log
EOF
}

openssl_config() {
  cat <<EOF
# Written by test/support/channel-servers.sh: vsftpd's OpenSSL settings (OPENSSL_CONF).
openssl_conf = easr_channel_test
[easr_channel_test]
ssl_conf = easr_channel_test_ssl
[easr_channel_test_ssl]
system_default = easr_channel_test_tls
[easr_channel_test_tls]
MinProtocol = TLSv1.2
CipherString = DEFAULT:@SECLEVEL=2
EOF
}

# --- servers ----------------------------------------------------------------------------------------------

listener_pids() { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true; }

# our_listener PORT CONFIG: the pid of our server listening on PORT (its command line names our config).
our_listener() {
  local pid
  for pid in $(listener_pids "$1"); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"; then
      echo "$pid"
      return 0
    fi
  done
  return 1
}

wait_for_listener() {
  local tries=$((WAIT_SECONDS * 5))
  while [ "$tries" -gt 0 ]; do
    our_listener "$1" "$2" >/dev/null && return 0
    sleep 0.2
    tries=$((tries - 1))
  done
  return 1
}

# A server detached by start-stop-daemon is reaped by init: until then it lingers as a zombie (state Z).
alive() { [ -r "/proc/$1/stat" ] && [ "$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null)" != Z ]; }

stop_ours() {
  local pid=$1 tries=50
  kill "$pid" 2>/dev/null || return 0
  while [ "$tries" -gt 0 ] && alive "$pid"; do
    sleep 0.1
    tries=$((tries - 1))
  done
}

# ensure_server NAME PORT CONFIG CHANGED START: leaves our running server alone unless CHANGED=yes,
# else starts it with START and waits for it to listen.
ensure_server() {
  local name=$1 port=$2 config=$3 changed=$4 start=$5 pid
  if pid=$(our_listener "$port" "$config"); then
    [ "$changed" = yes ] || return 0
    say "restarting $name: its configuration changed"
    stop_ours "$pid"
  fi
  if [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; then
    die "$name: port $port is taken by another program: $(ss -Hltnp "sport = :$port" | tr -s ' ')"
  fi
  "$start" || die "$name could not be started"
  wait_for_listener "$port" "$config" ||
    die "$name is not listening on $HOST:$port after ${WAIT_SECONDS}s; see $STATE/$name.log"
}

start_sshd() {
  /usr/sbin/sshd -t -f "$SSHD_CONFIG" || return 1
  /usr/sbin/sshd -f "$SSHD_CONFIG" -E "$STATE/sshd.log"
}

start_vsftpd() {
  # The whole line of a failed start ("500 OOPS: ...") is in vsftpd.out.
  OPENSSL_CONF=$STATE/openssl.cnf start-stop-daemon --start --quiet --oknodo --background \
    --make-pidfile --pidfile "$STATE/vsftpd.pid" --output "$STATE/vsftpd.out" \
    --exec /usr/sbin/vsftpd -- "$VSFTPD_CONFIG"
}

# --- main -------------------------------------------------------------------------------------------------

install_packages
ensure_user
ensure_keys

sshd_changed=$keys_changed
write_if_changed "$SSHD_CONFIG" < <(sshd_config) && sshd_changed=yes
vsftpd_changed=no
write_if_changed "$VSFTPD_CONFIG" < <(vsftpd_config) && vsftpd_changed=yes
write_if_changed "$STATE/openssl.cnf" < <(openssl_config) && vsftpd_changed=yes
write_if_changed "$STATE/vsftpd.users" <<<"$CHANNEL_USER" && vsftpd_changed=yes

ensure_server sshd "$SFTP_PORT" "$SSHD_CONFIG" "$sshd_changed" start_sshd
ensure_server vsftpd "$FTPS_PORT" "$VSFTPD_CONFIG" "$vsftpd_changed" start_vsftpd

say "SFTP up: sftp://$CHANNEL_USER@$HOST:$SFTP_PORT (sshd pid $(our_listener "$SFTP_PORT" "$SSHD_CONFIG"), password or a key in $STATE/authorized_keys/$CHANNEL_USER)"
say "FTPS up: ftps://$CHANNEL_USER@$HOST:$FTPS_PORT (vsftpd pid $(our_listener "$FTPS_PORT" "$VSFTPD_CONFIG"), explicit TLS, passive $PASV_MIN-$PASV_MAX, certificate $TLS_CERT)"
