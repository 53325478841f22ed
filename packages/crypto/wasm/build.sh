#!/bin/sh
# Rebuilds ristretto255.wasm (spec §2.9, docs/decisions/0017-webassembly-backend.md) from
# libdecaf 1.0.2 (Debian's source package, checked against its pinned SHA-256) and
# ristretto-wasm.c, with Debian bookworm's clang-14, lld-14 and wasi-libc:
#   apt-get install clang-14 lld-14 libclang-rt-14-dev-wasm32 wasi-libc cmake python3
# Usage: build.sh [libdecaf_1.0.2.orig.tar.gz] [output.wasm]
# Without a tarball it runs `apt-get source --download-only libdecaf` (needs a deb-src line).
# The output is byte-for-byte reproducible: wasm-build.test.ts compares it with the committed one.
# Exit status 3: the toolchain or libdecaf's source is not available here (wasm-build.test.ts
# then skips, saying so).
set -eu
for tool in clang-14 wasm-ld-14 cmake python3 sha256sum; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not installed" >&2; exit 3; }
done
[ -f /usr/lib/wasm32-wasi/libc.a ] || { echo "build.sh: wasi-libc not installed" >&2; exit 3; }
here=$(cd "$(dirname "$0")" && pwd)
tarball_sha256=96ce1f59bfc6257748d44dffeb40684c886a0742a8ed10524201e6ad95598552
out=${2:-$here/ristretto255.wasm}
work=$(mktemp -d /tmp/scrutineer-wasm-build.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ] && [ -n "$1" ]; then
  tarball=$1
else
  (cd "$work" && apt-get source --download-only libdecaf >/dev/null 2>&1 || true)
  tarball=$work/libdecaf_1.0.2.orig.tar.gz
  [ -f "$tarball" ] || { echo "build.sh: apt-get source libdecaf failed (no deb-src line?)" >&2; exit 3; }
fi
echo "$tarball_sha256  $tarball" | sha256sum -c - >/dev/null
tar xzf "$tarball" -C "$work"
src=$work/libdecaf-1.0.2
# libdecaf generates its per-curve C from Python templates; cmake drives that on the host.
mkdir "$src/build"
(cd "$src/build" &&
  cmake .. -DENABLE_TESTS=OFF -DENABLE_STATIC=ON -DENABLE_SHARED=OFF \
    -DPYTHON_EXECUTABLE="$(command -v python3)" >/dev/null &&
  make generatedCode generatorP25519 >/dev/null 2>&1)
gen=$src/build/src/GENERATED
# portable_endian.h knows no wasm32: endian.h (wasi-libc) has the same htole64/le64toh.
# The portable 32-bit field arithmetic (10 limbs of 25.5 bits): wasm32 has no 64×64→128 multiply.
cd "$src"
# field-multiply.c replaces f_impl.c's gf_mul and gf_sqr (the same results, written out term by
# term: a point decodes in half the time); they are taken out of f_impl.c here.
sed -i -e '/^void gf_mul (gf_s \*__restrict__ cs, const gf as, const gf bs) {$/,/^}$/d' \
  -e '/^void gf_sqr (gf_s \*__restrict__ cs, const gf as) {$/,/^}$/d' src/p25519/arch_32/f_impl.c
! grep -Eq 'gf_(mul|sqr) ' src/p25519/arch_32/f_impl.c || { echo "build.sh: f_impl.c not as expected" >&2; exit 1; }
clang-14 --target=wasm32-wasi --sysroot=/usr -O3 -g0 \
  -ffile-prefix-map="$work"=. -fno-ident -std=gnu11 -DDECAF_WORD_BITS=32 -DNDEBUG \
  -D__PORTABLE_ENDIAN_H__ -D_DEFAULT_SOURCE -include endian.h \
  -Isrc/include -Isrc/include/arch_32 -Isrc/p25519 -Isrc/p25519/arch_32 \
  -I"$gen/c/p25519" -I"$gen/include" -I"$gen/c" \
  -nostartfiles -Wl,--no-entry -Wl,--strip-all -Wl,-z,stack-size=262144 \
  -o "$work/out.wasm" \
  "$here/ristretto-wasm.c" "$here/field-multiply.c" "$here/digests.c" src/utils.c src/sha512.c src/p25519/arch_32/f_impl.c src/p25519/f_arithmetic.c \
  "$gen/c/p25519/f_generic.c" "$gen/c/curve25519/decaf.c" "$gen/c/curve25519/scalar.c" \
  "$gen/c/curve25519/elligator.c" src/curve25519/decaf_tables.c
cp "$work/out.wasm" "$out"
sha256sum "$out"
