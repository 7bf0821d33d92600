#!/usr/bin/env bash
# Installs what rendering needs and the machine lacks: FFmpeg (with libass and libx264), a CJK
# font for Chinese captions and espeak-ng (the free offline voice: cmn, en and more). Safe to run again: it only installs what is missing.
set -euo pipefail

quiet=false
[[ "${1:-}" == "--quiet" ]] && quiet=true
say() { $quiet || echo "$@"; }

missing=()
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
if ! command -v fc-list >/dev/null 2>&1 || [[ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]]; then
  missing+=(fonts-noto-cjk)
fi

if ((${#missing[@]} > 0)); then
  echo "Installing ${missing[*]} (needed to render films) ..." >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "Please install as root: apt-get install -y ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2; exit 1; }
say "prerequisites: $(ffmpeg -version | head -n 1 | cut -d' ' -f1-3), $(fc-list :lang=zh family | head -n 1 | cut -d, -f1), $(espeak-ng --version | cut -d' ' -f1-4), dotnet $(dotnet --version)"
