#!/usr/bin/env bash
# Renders one template of this folder to standard output, replacing only ${EDGEOFF_*} variables;
# an unset variable is an error (nothing is left half-configured). Defaults describe the seed's
# test-bed: Wi-Fi hotspot 192.168.4.0/24 on wlan0 of the ED node, the VPN 10.8.0.0/24 with the cloud
# node (CD) at 10.8.0.1 and the edge nodes at 10.8.0.11-13.
#
#   deploy/edge-node/render.sh hostapd.conf.template > /etc/hostapd/hostapd.conf
#   EDGEOFF_WIFI_PASSPHRASE='a long passphrase' deploy/edge-node/render.sh hostapd.conf.template
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -eq 1 ] || { echo "usage: render.sh TEMPLATE   (one of: $(cd "$here" && ls *.template | tr '\n' ' '))" >&2; exit 2; }
template_file="$1"
[ -f "$template_file" ] || template_file="$here/$1"
[ -f "$template_file" ] || { echo "render.sh: no template $1" >&2; exit 2; }

: "${EDGEOFF_AP_INTERFACE:=wlan0}"            # the Wi-Fi interface that becomes the hotspot
: "${EDGEOFF_WIFI_SSID:=edgeoff-ed}"          # network name the device joins
: "${EDGEOFF_WIFI_CHANNEL:=6}"
: "${EDGEOFF_WIFI_COUNTRY:=AT}"               # ISO 3166 country code: sets the legal channels and power
: "${EDGEOFF_AP_ADDRESS:=192.168.4.1}"        # the node's own address on the hotspot
: "${EDGEOFF_AP_PREFIX:=192.168.4}"           # first three octets of the hotspot's /24
: "${EDGEOFF_DOMAIN:=edgeoff.lan}"            # local DNS domain of the sites: ed.edgeoff.lan, ...
: "${EDGEOFF_ED_ADDRESS:=10.8.0.11}"          # each site's node address as the device reaches it
: "${EDGEOFF_EC_ADDRESS:=10.8.0.12}"
: "${EDGEOFF_ER_ADDRESS:=10.8.0.13}"
: "${EDGEOFF_CD_ADDRESS:=10.8.0.1}"
: "${EDGEOFF_VPN_SUBNET:=10.8.0.0}"           # the OpenVPN tunnel subnet (/24)
: "${EDGEOFF_VPN_SERVER:=cloud.example.org}"  # public name or address of the cloud node
: "${EDGEOFF_VPN_PORT:=1194}"
: "${EDGEOFF_NODE_NAME:=ed}"                  # this edge node's client certificate name
export ${!EDGEOFF_@}

content="$(cat "$template_file")"
while [[ "$content" =~ \$\{(EDGEOFF_[A-Z0-9_]+)\} ]]; do
  name="${BASH_REMATCH[1]}"
  if [ -z "${!name+x}" ]; then echo "render.sh: $name is not set" >&2; exit 2; fi
  content="${content//\$\{$name\}/${!name}}"
done
printf '%s\n' "$content"
