#!/usr/bin/env bash
# TorchSharp 0.107's native glue asks libstdc++ for one GCC 13 symbol (std::ios_base_library_init, GLIBCXX_3.4.32),
# which Debian 12's libstdc++ (GCC 12) lacks. On such a machine this makes the reference weak, provides the symbol as a
# no-op (GCC 12's libstdc++ sets up its streams itself), and patches the copy in the NuGet cache. Machines with
# GCC 13 or newer need none of it. Needs gcc, patchelf (apt-get install patchelf) and python3.
set -euo pipefail
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
glue="$packages/torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so"
shim=/usr/local/lib/libglibcxx-ios-init-shim.so
if objdump -T /usr/lib/x86_64-linux-gnu/libstdc++.so.6 | grep -q GLIBCXX_3.4.32; then
  echo "libstdc++ has GLIBCXX_3.4.32: nothing to do"; exit 0
fi
[ -f "$glue" ] || { echo "restore src/PolicyBot.Tuning first ($glue is missing)"; exit 1; }
printf 'void _ZSt21ios_base_library_initv(void) {}\n' | gcc -shared -fPIC -x c -o "$shim" -
cp -n "$glue" "$glue.orig"
cp "$glue.orig" "$glue"
patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$glue"
patchelf --add-needed "$shim" "$glue"
python3 - "$glue" <<'PY'
import struct, sys
path = sys.argv[1]; b = bytearray(open(path, 'rb').read())
shoff, = struct.unpack_from('<Q', b, 0x28); entsize, count = struct.unpack_from('<HH', b, 0x3A)
sections = [struct.unpack_from('<IIQQQQIIQQ', b, shoff + i * entsize) for i in range(count)]
for s in sections:
    if s[1] != 0x6ffffffe: continue  # SHT_GNU_verneed
    strings = sections[s[6]][4]; at = s[4]
    for _ in range(s[7]):
        _, aux_count, _, aux, following = struct.unpack_from('<HHIII', b, at); a = at + aux
        for _ in range(aux_count):
            _, flags, _, name, step = struct.unpack_from('<IHHII', b, a)
            if b[strings + name:b.index(0, strings + name)] == b'GLIBCXX_3.4.32':
                struct.pack_into('<H', b, a + 4, flags | 2)  # VER_FLG_WEAK
            a += step
        at += following
open(path, 'wb').write(b)
PY
echo "patched $glue"
