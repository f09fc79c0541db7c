#!/bin/sh
# Install (or upgrade) the campus app from the bundle on a Linux campus PC. Run as root from the repository root or
# next to the unpacked dist/ folder:
#
#     sudo installer/linux/install.sh              # the app, its menu entry and `gn-desktop` on the PATH
#     sudo installer/linux/install.sh --kiosk borne  # also: a kiosk session for the account `borne` (see below)
#
# The bundle is copied to /opt/gn-desktop (read-only for users); each account keeps its data in
# ~/.local/share/gn-desktop and its logs in ~/.local/state/gn-desktop/log. Upgrading = running this again with the
# newer bundle: the database is migrated at the next start, after a backup copy beside it.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
bundle=${BUNDLE:-dist/gn-desktop}
[ -x "$bundle/gn-desktop" ] || { echo "No bundle in $bundle: run 'make bundle' first (or set BUNDLE=...)." >&2; exit 1; }

rm -rf /opt/gn-desktop.new
cp -a "$bundle" /opt/gn-desktop.new
rm -rf /opt/gn-desktop && mv /opt/gn-desktop.new /opt/gn-desktop
ln -sf /opt/gn-desktop/gn-desktop /usr/local/bin/gn-desktop
install -m 644 "$here/gn-desktop.desktop" /usr/share/applications/gn-desktop.desktop
/opt/gn-desktop/gn-desktop --version

if [ "${1:-}" = "--kiosk" ]; then
    account=${2:?"--kiosk needs the kiosk account's name, e.g. borne"}
    command -v cage >/dev/null || { echo "Install cage first: apt-get install cage" >&2; exit 1; }
    id "$account" >/dev/null 2>&1 || useradd --create-home "$account"
    # the session a display manager offers (choose it and enable automatic sign-in of $account) ...
    install -m 644 "$here/gn-desktop-kiosk-session.desktop" /usr/share/wayland-sessions/gn-desktop-kiosk.desktop
    # ... or, with no display manager, cage on tty1 started by systemd (installer/kiosk/gn-desktop-kiosk.service)
    sed "s/^User=borne$/User=$account/" "$here/../kiosk/gn-desktop-kiosk.service" \
        > /etc/systemd/system/gn-desktop-kiosk.service
    systemctl daemon-reload
    echo "Kiosk for '$account': set the staff PIN with  sudo -u $account gn-desktop kiosk-pin NNNN"
    echo "then either enable automatic sign-in into the 'borne d'accueil' session in the display manager,"
    echo "or: systemctl disable getty@tty1 && systemctl enable --now gn-desktop-kiosk"
fi
