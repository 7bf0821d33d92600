#!/bin/sh
# Puts static ffmpeg and ffprobe (Linux x64) into DIR for the Functions app, which probes every clip it
# downloads. The archive's published MD5 is checked before anything is unpacked. Override the source
# with FFMPEG_STATIC_URL (its checksum must sit beside it as <url>.md5).
set -eu
dir=${1:?usage: fetch-ffmpeg-static.sh DIR}
url=${FFMPEG_STATIC_URL:-https://johnvansickle.com/ffmpeg/releases/ffmpeg-release-amd64-static.tar.xz}
if [ -x "$dir/ffmpeg" ] && [ -x "$dir/ffprobe" ]; then
  echo "ffmpeg and ffprobe are already in $dir"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL "$url" -o "$work/ffmpeg.tar.xz"
curl -fsSL "$url.md5" -o "$work/ffmpeg.tar.xz.md5"
expected=$(cut -d' ' -f1 "$work/ffmpeg.tar.xz.md5")
actual=$(md5sum "$work/ffmpeg.tar.xz" | cut -d' ' -f1)
if [ "$expected" != "$actual" ]; then
  echo "ffmpeg archive checksum mismatch: expected $expected, got $actual" >&2
  exit 1
fi
tar -xJf "$work/ffmpeg.tar.xz" -C "$work"
mkdir -p "$dir"
cp "$work"/ffmpeg-*-static/ffmpeg "$work"/ffmpeg-*-static/ffprobe "$dir"/
chmod 755 "$dir/ffmpeg" "$dir/ffprobe"
echo "ffmpeg and ffprobe are in $dir"
